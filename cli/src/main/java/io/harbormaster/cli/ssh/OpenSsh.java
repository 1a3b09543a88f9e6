package io.harbormaster.cli.ssh;

import io.harbormaster.cli.HmException;
import java.io.IOException;
import java.util.List;

/** Runs {@code ssh} or {@code scp} in hm's place: on hm's terminal and streams, its exit status hm's. */
public final class OpenSsh {

    private OpenSsh() {
    }

    /** Runs {@code command} with hm's standard input, output and error, and answers its exit status. */
    public static int run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor();
        } catch (IOException e) {
            throw new HmException("Could not run " + command.getFirst() + ": " + e.getMessage(), 255);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HmException("Interrupted while " + command.getFirst() + " ran", 130);
        }
    }
}

package io.harbormaster.cli.ssh;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Runs {@code ssh} or {@code scp} in hm's place: on hm's terminal and output, its exit status hm's. It takes over hm's
 * own standard input, so a remote shell gets the keyboard and {@code hm ssh web-1 tee f < file} the file; when hm's
 * input is not the process's (hm run inside another program, as the tests do), it is handed what that input holds.
 */
public final class OpenSsh {

    private OpenSsh() {
    }

    /** Runs {@code command} with hm's standard input, output and error, and answers its exit status. */
    public static int run(List<String> command, Workstation workstation) {
        try {
            var builder = new ProcessBuilder(command).redirectOutput(Redirect.INHERIT).redirectError(Redirect.INHERIT)
                    .redirectInput(workstation.processStandardInput() ? Redirect.INHERIT : Redirect.PIPE);
            var process = builder.start();
            if (!workstation.processStandardInput()) {
                Thread.ofVirtual().start(() -> handOver(workstation, process));
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new HmException("Could not run " + command.getFirst() + ": " + e.getMessage(), 255);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HmException("Interrupted while " + command.getFirst() + " ran", 130);
        }
    }

    private static void handOver(Workstation workstation, Process process) {
        try (var in = new OutputStreamWriter(process.getOutputStream(), Charset.defaultCharset())) {
            workstation.stdin().transferTo(in);
        } catch (IOException e) {
            // the program ended without reading all of it, as ssh does for a command that reads nothing
        }
    }
}

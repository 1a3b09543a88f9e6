package io.harbormaster.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Runs {@code hm} in-process as if a person sat at a terminal and typed {@code stdin}. */
final class HmTerminal {

    private HmTerminal() {
    }

    static Hm.Result run(Map<String, String> environment, String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        try {
            var home = Files.createTempDirectory("hm-home");
            var workstation = new Workstation(environment, "dev", home, new BufferedReader(new StringReader(stdin)),
                    true, java.util.Optional.empty());
            int exitCode = HmCommand.execute(args, workstation, new PrintWriter(out), new PrintWriter(err));
            return new Hm.Result(exitCode, out.toString(), err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

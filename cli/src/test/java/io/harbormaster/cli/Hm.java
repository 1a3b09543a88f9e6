package io.harbormaster.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code hm} in-process with a made-up environment and captures what it prints. */
final class Hm {

    record Result(int exitCode, String out, String err) {
    }

    private Hm() {
    }

    static Result run(Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = HmCommand.execute(args, environment, new PrintWriter(out), new PrintWriter(err));
        return new Result(exitCode, out.toString(), err.toString());
    }
}

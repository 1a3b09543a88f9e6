package io.harbormaster.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
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

    /** As a user whose home is {@code home}, with {@code stdin} on standard input and no terminal. */
    static Result runAt(Path home, Map<String, String> environment, String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var variables = new HashMap<>(environment);
        variables.put("HOME", home.toString());
        var workstation = new Workstation(variables, "dev", home, new BufferedReader(new StringReader(stdin)), false,
                java.util.Optional.empty());
        int exitCode = HmCommand.execute(args, workstation, new PrintWriter(out), new PrintWriter(err));
        return new Result(exitCode, out.toString(), err.toString());
    }
}

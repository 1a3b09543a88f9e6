package io.harbormaster.cli.login;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import java.io.Console;
import java.io.PrintWriter;

/** Asks the person at the terminal, on the terminal itself, so answers never go through a pipe or into the output. */
final class Prompt {

    private final Workstation workstation;
    private final PrintWriter err;

    Prompt(Workstation workstation, PrintWriter err) {
        this.workstation = workstation;
        this.err = err;
    }

    String line(String question) {
        var console = console();
        var answer = console.readLine("%s", question);
        if (answer == null || answer.isBlank()) {
            throw new HmException("No answer given; nothing changed.");
        }
        return answer.strip();
    }

    String secret(String question) {
        var console = console();
        var answer = console.readPassword("%s", question);
        if (answer == null || answer.length == 0) {
            throw new HmException("No password given; nothing changed.");
        }
        return new String(answer);
    }

    private Console console() {
        var console = System.console();
        if (!workstation.interactive() || console == null) {
            err.flush();
            throw new HmException("hm login needs a terminal to ask for the username and password. In scripts use "
                    + "--username NAME --password-stdin, or --token TOKEN (or set HM_URL and HM_TOKEN).");
        }
        return console;
    }
}

package io.harbormaster.cli.credential;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import java.io.PrintWriter;

/**
 * Reads the secret parts of a credential: from standard input (one line each, the secret access key first, then the
 * session token), or, for the secret access key, from the terminal without echo. Never from the command line.
 */
final class SecretInput {

    private final Workstation workstation;
    private final PrintWriter err;

    SecretInput(Workstation workstation, PrintWriter err) {
        this.workstation = workstation;
        this.err = err;
    }

    /** The secret access key: the next line of standard input, or asked for without echo. */
    String secretAccessKey(boolean fromStdin) {
        if (fromStdin) {
            return line("secret access key");
        }
        var console = System.console();
        if (!workstation.interactive() || console == null) {
            err.flush();
            throw new HmException("hm needs a terminal to ask for the secret access key without showing it. In "
                    + "scripts pipe it in: printf '%s\\n' \"$AWS_SECRET_ACCESS_KEY\" | hm credentials ... "
                    + "--secret-access-key-stdin");
        }
        var answer = console.readPassword("%s", "Secret access key (not shown): ");
        if (answer == null || answer.length == 0) {
            throw new HmException("No secret access key given; nothing changed.");
        }
        return new String(answer).strip();
    }

    /** The session token from the next line of standard input, or null when not asked to read one. */
    String sessionToken(boolean fromStdin) {
        return fromStdin ? line("session token") : null;
    }

    private String line(String what) {
        var line = workstation.readLine()
                .orElseThrow(() -> new HmException("Standard input ended before the " + what + " was read; "
                        + "nothing changed."));
        var value = line.strip();
        if (value.isEmpty()) {
            throw new HmException("The " + what + " read from standard input is empty; nothing changed.");
        }
        return value;
    }
}

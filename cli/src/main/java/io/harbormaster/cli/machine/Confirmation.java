package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * docker-machine's {@code confirmInput}: the question and {@code (y/n): } on stdout, an answer starting with y (in
 * any case) is yes. Only a person at a terminal is asked; a script without the flag that skips the question is
 * refused, so a missing {@code -y} never removes something nor hangs waiting for input.
 */
final class Confirmation {

    private Confirmation() {
    }

    static boolean ask(Workstation workstation, PrintWriter out, String question, String refusalWithoutTerminal) {
        if (!workstation.interactive()) {
            throw new HmException(refusalWithoutTerminal);
        }
        out.print(question + " (y/n): ");
        out.flush();
        var answer = workstation.readLine().orElse("").strip().toLowerCase(Locale.ROOT);
        return answer.startsWith("y");
    }
}

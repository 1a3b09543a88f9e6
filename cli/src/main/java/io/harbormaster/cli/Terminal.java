package io.harbormaster.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person sits at this process's terminal: prompts, colours and progress are for them only. */
final class Terminal {

    private Terminal() {
    }

    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 System.console() answers even when redirected; isTerminal() tells. hm targets 21, so ask by name.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

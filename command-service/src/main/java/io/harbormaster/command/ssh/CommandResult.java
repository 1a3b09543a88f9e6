package io.harbormaster.command.ssh;

/**
 * How a remote command ended and what it printed, each stream cut at the configured limit. {@link #toString()} gives
 * sizes only, since output can hold anything the command read.
 *
 * @param exitStatus the command's exit status; -1 when it reported none (ended by a signal)
 * @param outputTruncated whether standard output or standard error was longer than the limit and cut
 */
public record CommandResult(int exitStatus, String stdout, String stderr, boolean outputTruncated) {

    private static final int SHOWN_COMMAND = 80;

    public boolean succeeded() {
        return exitStatus == 0;
    }

    @Override
    public String toString() {
        return "CommandResult[exit " + exitStatus + ", stdout " + stdout.length() + " chars, stderr "
                + stderr.length() + " chars" + (outputTruncated ? ", truncated" : "") + "]";
    }

    /** The command as messages show it: its first line, at most 80 characters. */
    static String abbreviate(String command) {
        var firstLine = command.strip().lines().findFirst().orElse("");
        var cut = firstLine.length() > SHOWN_COMMAND || command.strip().contains("\n");
        return (firstLine.length() > SHOWN_COMMAND ? firstLine.substring(0, SHOWN_COMMAND) : firstLine)
                + (cut ? "…" : "");
    }
}

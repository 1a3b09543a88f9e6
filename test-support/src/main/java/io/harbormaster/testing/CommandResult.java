package io.harbormaster.testing;

/**
 * What a command printed and how it ended. The output may carry key material (a test reads a certificate or a
 * key out of a host), so {@link #toString()} tells only the exit code and the sizes.
 */
public record CommandResult(int exitCode, String stdout, String stderr) {

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "CommandResult[exitCode=" + exitCode + ", stdout=" + stdout.length() + " chars, stderr="
                + stderr.length() + " chars]";
    }
}

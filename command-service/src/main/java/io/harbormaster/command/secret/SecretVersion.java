package io.harbormaster.command.secret;

/** The version number a write produced: 1 for the first write at a path, one more for each write after it. */
public record SecretVersion(long number) {

    public SecretVersion {
        if (number < 1) {
            throw new IllegalArgumentException("secret versions start at 1, not " + number);
        }
    }

    @Override
    public String toString() {
        return "v" + number;
    }
}

package io.harbormaster.command.refusal;

/** The command itself is malformed: a field is missing, too long or not of the expected form (HTTP 400). */
public class InvalidCommandException extends CommandRefusedException {

    private final String field;

    public InvalidCommandException(String field, String message) {
        super("invalid-command", message);
        this.field = field;
    }

    /** The name of the offending field, as the caller knows it. */
    public String field() {
        return field;
    }

    /** Refuses a missing value with a message naming the field. */
    public static <T> T requirePresent(T value, String field) {
        if (value == null) {
            throw new InvalidCommandException(field, field + " must be given");
        }
        return value;
    }

    /** Refuses blank or overlong text with a message naming the field; returns the text stripped. */
    public static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, field + " must not be blank");
        }
        var text = value.strip();
        if (text.length() > maxLength) {
            throw new InvalidCommandException(field, field + " must be at most " + maxLength + " characters; got "
                    + text.length());
        }
        return text;
    }
}

package io.harbormaster.api.machine;

/** An engine option breaks its rule; {@link #part()} names which one ({@code flags[1]}, {@code installUrl}). */
public class InvalidEngineOptionsException extends IllegalArgumentException {

    private final String part;
    private final String reason;

    public InvalidEngineOptionsException(String part, String reason) {
        super(part + ": " + reason);
        this.part = part;
        this.reason = reason;
    }

    /** The part of the engine options at fault, e.g. {@code flags[1]}, {@code labels[0]}, {@code installUrl}. */
    public String part() {
        return part;
    }

    /** What is wrong and what would be accepted, without the part's name. */
    public String reason() {
        return reason;
    }
}

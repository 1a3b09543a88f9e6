package io.harbormaster.command.refusal;

import java.util.Locale;

/**
 * A command was refused before anything happened. The message says what was wrong and what to do next; it is shown
 * to the caller as is, so it never holds secrets or internals.
 */
public abstract class CommandRefusedException extends RuntimeException {

    private final String code;

    protected CommandRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, lower-case, dash-separated name of this kind of refusal, such as {@code machine-name-taken}. */
    public String code() {
        return code;
    }

    /** Further members of the problem detail, such as the machines that block a removal; none by default. */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }

    /** A short human title derived from the code: {@code machine-name-taken} becomes "Machine name taken". */
    public String title() {
        var words = code.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}

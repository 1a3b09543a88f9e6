package io.harbormaster.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A login name: lower case, so {@code Alice} and {@code alice} can never be two people. */
public record Username(String value) {

    public static final Pattern RULE = Pattern.compile("^[a-z0-9][a-z0-9._-]*$");
    public static final int MAX_LENGTH = 64;

    public Username {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Username must not be empty");
        }
        if (value.length() > MAX_LENGTH || !RULE.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid username. Username must match " + RULE.pattern()
                    + " and be at most " + MAX_LENGTH + " characters");
        }
    }

    @JsonCreator
    public static Username of(String value) {
        return new Username(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}

package io.harbormaster.api.team;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A team's name, unique on the platform; the same rule as machine names so it is safe in paths and labels. */
public record TeamName(String value) {

    public static final Pattern RULE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-._]*$");
    public static final int MAX_LENGTH = 63;

    public TeamName {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Team name must not be empty");
        }
        if (value.length() > MAX_LENGTH || !RULE.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid team name. Team name must match " + RULE.pattern()
                    + " and be at most " + MAX_LENGTH + " characters");
        }
    }

    @JsonCreator
    public static TeamName of(String value) {
        return new TeamName(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}

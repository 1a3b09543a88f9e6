package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Narrows the machine list; every part is optional (null means "any"). {@code nameRegex} is a regular expression
 * found anywhere in the name, ignoring case (as docker-machine's {@code --filter name=}; names are unique regardless
 * of case), matched with PostgreSQL's regular expressions; it is checked here so a bad pattern fails with a clear
 * message.
 */
public record MachineFilter(TeamId team, MachineState state, String driver, UserId holder, String nameRegex) {

    public static final int MAX_REGEX_LENGTH = 200;

    public MachineFilter {
        if (nameRegex != null && nameRegex.isBlank()) {
            nameRegex = null;
        }
        if (nameRegex != null) {
            if (nameRegex.length() > MAX_REGEX_LENGTH) {
                throw new IllegalArgumentException("name filter must be at most " + MAX_REGEX_LENGTH + " characters");
            }
            try {
                Pattern.compile(nameRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("name filter is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    public static MachineFilter any() {
        return new MachineFilter(null, null, null, null, null);
    }
}

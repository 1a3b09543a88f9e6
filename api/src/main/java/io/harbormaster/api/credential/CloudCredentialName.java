package io.harbormaster.api.credential;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A cloud credential's name, unique within its team. It is one segment of the secret store's path
 * ({@code teams/<id>/credentials/<name>}) and the value of a machine's {@code amazonec2-credential} option, so it
 * follows the team name's rule without {@code ..}: safe in a path, a URL and a shell.
 */
public record CloudCredentialName(String value) {

    public static final Pattern RULE = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]*$");
    public static final int MAX_LENGTH = 63;

    public CloudCredentialName {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a credential name must not be empty");
        }
        if (value.length() > MAX_LENGTH || !RULE.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("a credential name has 1 to " + MAX_LENGTH + " letters, digits, '.', "
                    + "'_' or '-', starts with a letter or digit and holds no '..' (like aws-prod)");
        }
    }

    @JsonCreator
    public static CloudCredentialName of(String value) {
        return new CloudCredentialName(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}

package io.harbormaster.api.credential;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which cloud a credential is for. Only AWS today; its wire name is lower case, as in {@code "type": "aws"}. */
public enum CloudCredentialType {

    /** An AWS access key (optionally temporary, with a session token), optionally with a role to assume. */
    AWS;

    /** The name in JSON, in the secret store's {@code type} field and on the command line. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code raw} (ignoring case); an unknown one is refused with the supported names. */
    @JsonCreator
    public static CloudCredentialType of(String raw) {
        var value = raw == null ? "" : raw.strip();
        return Arrays.stream(values()).filter(type -> type.wireName().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the supported credential types are "
                        + supported() + (value.isEmpty() ? "" : "; '" + shorten(value) + "' is not one of them")));
    }

    /** The wire names, comma-separated, for messages. */
    public static String supported() {
        return Arrays.stream(values()).map(CloudCredentialType::wireName).collect(Collectors.joining(", "));
    }

    private static String shorten(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}

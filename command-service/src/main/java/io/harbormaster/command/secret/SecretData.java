package io.harbormaster.command.secret;

import java.util.Map;

/** The rules every store applies to a secret's key/value pairs, so both adapters refuse the same data. */
public final class SecretData {

    private static final int MAX_KEY = 256;

    private SecretData() {
    }

    /** The data as given, after checking that every key is a plain name and no value is null. */
    public static Map<String, String> checked(Map<String, String> data) {
        if (data == null) {
            throw new IllegalArgumentException("secret data must not be null (use an empty map for none)");
        }
        data.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_KEY) {
                throw new IllegalArgumentException("secret keys must be 1 to " + MAX_KEY + " characters");
            }
            if (value == null) {
                throw new IllegalArgumentException("secret value of key '" + key + "' must not be null");
            }
        });
        return data;
    }

    public static void checkVersion(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("secret versions start at 1, not " + version);
        }
    }
}

package io.harbormaster.api.credential;

import java.util.regex.Pattern;

/**
 * An AWS access key: its id, its secret and, for temporary credentials, a session token. The secret and the token
 * travel only in commands on their way to the secret store: {@link #toString()} hides them, the checks' messages never
 * quote them, and no event holds them ({@link #accessKeyIdLast4()} is what events keep of the key).
 */
public record AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken) {

    /** AWS's rule for access key ids (16 to 128 word characters); issued ones are upper-case letters and digits. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("^[A-Z0-9]{16,128}$");
    /** Printable ASCII without spaces: what AWS issues as secrets and session tokens. */
    private static final Pattern TOKEN = Pattern.compile("^[\\x21-\\x7E]+$");
    public static final int MAX_SECRET_LENGTH = 256;
    public static final int MAX_SESSION_TOKEN_LENGTH = 4096;

    public AwsKeys {
        accessKeyId = accessKeyId(accessKeyId);
        secretAccessKey = secretAccessKey(secretAccessKey);
        sessionToken = sessionToken(sessionToken);
    }

    /** The access key id, checked; the message shows the rule and an example, not the value. */
    public static String accessKeyId(String value) {
        var id = value == null ? "" : value.strip();
        if (!ACCESS_KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an AWS access key id is 16 to 128 upper-case letters and digits, "
                    + "like AKIAIOSFODNN7EXAMPLE");
        }
        return id;
    }

    /** The secret access key, checked; the message never quotes it. */
    public static String secretAccessKey(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the secret access key must not be empty");
        }
        if (value.length() > MAX_SECRET_LENGTH || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("the secret access key must be 1 to " + MAX_SECRET_LENGTH
                    + " printable characters without spaces (it is not shown here)");
        }
        return value;
    }

    /** The session token or null when there is none (blank counts as none); the message never quotes it. */
    public static String sessionToken(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_SESSION_TOKEN_LENGTH || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("the session token must be 1 to " + MAX_SESSION_TOKEN_LENGTH
                    + " printable characters without spaces (it is not shown here)");
        }
        return value;
    }

    /** What may be shown of the key: the last four characters of its id. */
    public String accessKeyIdLast4() {
        return accessKeyId.substring(accessKeyId.length() - 4);
    }

    @Override
    public String toString() {
        return "AwsKeys[…" + accessKeyIdLast4() + ", secret hidden" + (sessionToken == null ? "" : ", session token hidden")
                + "]";
    }
}

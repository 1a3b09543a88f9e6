package io.harbormaster.api.credential;

/**
 * The field names of a cloud credential in the secret store ({@code teams/<id>/credentials/<name>}), as a driver
 * reads them through {@code DriverContext.cloudCredential}. Changing one breaks every driver that reads it.
 */
public final class CloudCredentialFields {

    /** Not secret: the credential's type, {@code aws}. */
    public static final String TYPE = "type";
    public static final String ACCESS_KEY_ID = "access-key-id";
    public static final String SECRET_ACCESS_KEY = "secret-access-key";
    /** Only for temporary credentials. */
    public static final String SESSION_TOKEN = "session-token";
    /** Optional: the role to assume with the key. */
    public static final String ROLE_ARN = "role-arn";
    /** Optional: the region a machine gets when it names none. */
    public static final String REGION = "region";

    /** The driver option by which a machine names the team credential it uses (its value is the credential's name). */
    public static final String MACHINE_OPTION = "amazonec2-credential";

    private CloudCredentialFields() {
    }
}

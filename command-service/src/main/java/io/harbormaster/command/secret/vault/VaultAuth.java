package io.harbormaster.command.secret.vault;

/** How Harbormaster logs in to Vault. The token and the secret id never appear in {@code toString}. */
public sealed interface VaultAuth {

    /** A Vault token used as it is; when it expires an operator has to supply a new one. */
    record Token(String token) implements VaultAuth {

        public Token {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("harbormaster.secrets.vault.token is empty: set it, or set "
                        + "harbormaster.secrets.vault.approle.role-id and secret-id to log in with AppRole");
            }
        }

        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    /**
     * AppRole: role id and secret id are exchanged for a token at {@code auth/<mountPath>/login}, and again whenever
     * that token has expired.
     */
    record AppRole(String mountPath, String roleId, String secretId) implements VaultAuth {

        public AppRole {
            mountPath = mountPath == null || mountPath.isBlank() ? "approle" : mountPath.strip();
            if (roleId == null || roleId.isBlank() || secretId == null || secretId.isBlank()) {
                throw new IllegalArgumentException("AppRole login needs both harbormaster.secrets.vault.approle."
                        + "role-id and harbormaster.secrets.vault.approle.secret-id (infra/vault/setup-approle.sh "
                        + "prints them)");
            }
        }

        @Override
        public String toString() {
            return "AppRole[mount=" + mountPath + ", roleId=****, secretId=****]";
        }
    }

    /** A short name for log lines: {@code token} or {@code approle}. */
    default String method() {
        return this instanceof AppRole ? "approle" : "token";
    }
}

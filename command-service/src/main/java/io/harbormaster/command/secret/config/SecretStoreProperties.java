package io.harbormaster.command.secret.config;

import io.harbormaster.command.secret.sealed.SealedDatabaseSecretStore;
import io.harbormaster.command.secret.vault.RetryPolicy;
import io.harbormaster.command.secret.vault.VaultAuth;
import io.harbormaster.command.secret.vault.VaultSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code harbormaster.secrets.*}: which secret store to use ({@code sealed}, the default, or {@code vault}) and how to
 * reach it. See docs/vault.md. No {@code toString} here prints the Vault token or the AppRole secret id.
 *
 * @param store  {@code sealed} (AES-GCM in the database, key file outside it) or {@code vault}
 * @param sealed settings of the sealed database store
 * @param vault  settings of the Vault store
 */
@ConfigurationProperties("harbormaster.secrets")
public record SecretStoreProperties(StoreKind store, Sealed sealed, Vault vault) {

    public SecretStoreProperties {
        store = store == null ? StoreKind.SEALED : store;
        sealed = sealed == null ? new Sealed(null, null) : sealed;
        vault = vault == null ? new Vault(null, null, null, null, null, null, null, null, null) : vault;
    }

    /** The two adapters. */
    public enum StoreKind { SEALED, VAULT }

    /**
     * @param keyFile     where the AES-256 key lives; default {@code ${harbormaster.home}/secrets.key}
     * @param maxVersions how many versions of each path are kept (default 10, like Vault's KV v2)
     */
    public record Sealed(Path keyFile, Integer maxVersions) {

        public Sealed {
            maxVersions = maxVersions == null ? SealedDatabaseSecretStore.DEFAULT_MAX_VERSIONS : maxVersions;
        }
    }

    /**
     * @param address        e.g. {@code https://vault.example:8200}
     * @param token          a Vault token (token login); leave empty for AppRole
     * @param approle        role id and secret id (AppRole login)
     * @param mount          the KV version 2 mount, default {@code secret}
     * @param pathPrefix     the folder under the mount, default {@code harbormaster}
     * @param namespace      Vault Enterprise namespace, sent as {@code X-Vault-Namespace}; empty for none
     * @param connectTimeout default 5 s
     * @param readTimeout    default 15 s
     * @param retries        attempts and back-off for transient failures
     */
    public record Vault(URI address, String token, AppRole approle, String mount, String pathPrefix, String namespace,
                        Duration connectTimeout, Duration readTimeout, Retries retries) {

        public Vault {
            approle = approle == null ? new AppRole(null, null, null) : approle;
            retries = retries == null ? new Retries(null, null, null) : retries;
        }

        /** The adapter's settings; refuses an ambiguous or missing login with a message naming the properties. */
        VaultSettings settings() {
            var hasToken = token != null && !token.isBlank();
            var hasAppRole = approle.roleId() != null && !approle.roleId().isBlank();
            if (hasToken && hasAppRole) {
                throw new IllegalArgumentException("Both harbormaster.secrets.vault.token and "
                        + "harbormaster.secrets.vault.approle.role-id are set: keep only the login you mean to use");
            }
            VaultAuth auth = hasAppRole
                    ? new VaultAuth.AppRole(approle.path(), approle.roleId(), approle.secretId())
                    : new VaultAuth.Token(token);
            return new VaultSettings(address, auth, mount, pathPrefix, namespace, connectTimeout, readTimeout,
                    retries.policy());
        }

        @Override
        public String toString() {
            return "Vault[address=" + address + ", token=" + (token == null || token.isBlank() ? "(none)" : "****")
                    + ", approle=" + approle + ", mount=" + mount + ", pathPrefix=" + pathPrefix + ", namespace="
                    + namespace + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                    + ", retries=" + retries + "]";
        }
    }

    /**
     * @param roleId   the role's id ({@code vault read auth/approle/role/harbormaster/role-id})
     * @param secretId a secret id of the role
     * @param path     where AppRole is mounted, default {@code approle}
     */
    public record AppRole(String roleId, String secretId, String path) {

        @Override
        public String toString() {
            return "AppRole[roleId=" + (roleId == null ? "(none)" : "****") + ", secretId="
                    + (secretId == null ? "(none)" : "****") + ", path=" + path + "]";
        }
    }

    /**
     * @param maxAttempts    calls in all for a transient failure, default 4
     * @param initialBackoff first pause, doubled each time, default 250 ms
     * @param maxBackoff     longest pause, default 4 s
     */
    public record Retries(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        RetryPolicy policy() {
            var defaults = RetryPolicy.DEFAULT;
            return new RetryPolicy(maxAttempts == null ? defaults.maxAttempts() : maxAttempts,
                    initialBackoff == null ? defaults.initialBackoff() : initialBackoff,
                    maxBackoff == null ? defaults.maxBackoff() : maxBackoff);
        }
    }
}

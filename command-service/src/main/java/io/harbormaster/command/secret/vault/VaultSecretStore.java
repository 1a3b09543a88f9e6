package io.harbormaster.command.secret.vault;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.harbormaster.command.secret.Secret;
import io.harbormaster.command.secret.SecretData;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.secret.SecretStoreUnreachableException;
import io.harbormaster.command.secret.SecretVersion;
import io.harbormaster.command.secret.StoreHealth;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production secret store: HashiCorp Vault's KV version 2 engine through vault-java-driver. A {@link SecretPath}
 * {@code machines/<id>/tls} lives at {@code <mount>/data/<prefix>/machines/<id>/tls} (the driver inserts
 * {@code data/} and {@code metadata/} after the mount). Transient failures are retried with exponential back-off;
 * refusals and a sealed Vault fail at once with a message that says what to do.
 */
public final class VaultSecretStore implements SecretStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VaultSecretStore.class);

    private final VaultSettings settings;
    private final HttpClient http;
    private final VaultSession session;
    private final VaultErrors errors;

    public VaultSecretStore(VaultSettings settings) {
        this(settings, Clock.systemUTC());
    }

    VaultSecretStore(VaultSettings settings, Clock clock) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                // HTTP/1.1 like the driver's own client: Vault Agent does not proxy h2c.
                .version(HttpClient.Version.HTTP_1_1)
                // Older standby nodes redirect to the active one instead of forwarding.
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.session = new VaultSession(settings, http, clock);
        this.errors = new VaultErrors(settings);
    }

    @Override
    public SecretVersion write(SecretPath path, Map<String, String> data) {
        var values = new LinkedHashMap<String, Object>(SecretData.checked(data));
        return call("write", storePath("data", path), "create/update", vault -> {
            var response = vault.logical().write(logicalPath(path), values);
            var status = response.getRestResponse().getStatus();
            if (status != 200 && status != 204) {
                throw VaultFailure.of(response.getRestResponse());
            }
            var version = response.getData().get("version");
            if (version == null) {
                throw new SecretStoreException("Vault accepted the write of '" + storePath("data", path) + "' but "
                        + "returned no version: the mount '" + settings.mount() + "' is not KV version 2. Use a KV v2 "
                        + "mount ('vault secrets enable -path=<mount> kv-v2') and set "
                        + "harbormaster.secrets.vault.mount.");
            }
            return new SecretVersion(Long.parseLong(version));
        });
    }

    @Override
    public Optional<Secret> read(SecretPath path) {
        return call("read", storePath("data", path), "read",
                vault -> secret(vault.logical().read(logicalPath(path))));
    }

    @Override
    public Optional<Secret> read(SecretPath path, long version) {
        SecretData.checkVersion(version);
        if (version > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        // shouldRetry=true means "as often as the config says": one attempt, as the driver's retries are off.
        return call("read", storePath("data", path), "read",
                vault -> secret(vault.logical().read(logicalPath(path), true, (int) version)));
    }

    @Override
    public void destroy(SecretPath path) {
        call("destroy", storePath("metadata", path), "delete", vault -> {
            try {
                vault.logical().delete(logicalPath(path));
            } catch (VaultException e) {
                if (e.getHttpStatusCode() != 404) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public List<String> list(SecretPath folder) {
        return call("list", storePath("metadata", folder), "list", vault -> {
            var response = vault.logical().list(logicalPath(folder));
            if (response == null) {
                return List.of();
            }
            var status = response.getRestResponse().getStatus();
            if (status == 404 && !VaultFailure.of(response.getRestResponse()).noHandler()) {
                return List.of();
            }
            if (status != 200) {
                throw VaultFailure.of(response.getRestResponse());
            }
            return response.getListData().stream().sorted().toList();
        });
    }

    @Override
    public StoreHealth health() {
        return new VaultHealthCheck(settings, session).check();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "VaultSecretStore[" + settings + "]";
    }

    /** {@code <mount>/<prefix>/<path>}, the form the driver expects; it inserts data/ or metadata/ after the mount. */
    private String logicalPath(SecretPath path) {
        return settings.mount() + "/" + settings.pathPrefix() + "/" + path.value();
    }

    /** The HTTP path an operation touches, as policies name it: {@code <mount>/data/<prefix>/<path>}. */
    String storePath(String kind, SecretPath path) {
        return settings.mount() + "/" + kind + "/" + settings.pathPrefix() + "/" + path.value();
    }

    private Optional<Secret> secret(LogicalResponse response) throws VaultFailure {
        var rest = response.getRestResponse();
        if (rest.getStatus() == 404 && !VaultFailure.of(rest).noHandler()) {
            return Optional.empty();
        }
        if (rest.getStatus() != 200) {
            throw VaultFailure.of(rest);
        }
        var metadata = response.getDataMetadata();
        if (metadata.getVersion() == null) {
            throw new SecretStoreException("Vault answered a read without version metadata: the "
                    + "mount '" + settings.mount() + "' is not KV version 2. Set harbormaster.secrets.vault.mount to a "
                    + "KV v2 mount.");
        }
        var created = metadata.getMetadataMap().get("created_time");
        return Optional.of(new Secret(response.getData(), new SecretVersion(metadata.getVersion()),
                created == null ? Instant.EPOCH : Instant.parse(created)));
    }

    private <T> T call(String operation, String storePath, String capability, VaultCall<T> body) {
        var retries = settings.retries();
        var loggedInAgain = false;
        for (int attempt = 1; ; attempt++) {
            VaultFailure failure;
            Vault vault;
            try {
                vault = session.client();
            } catch (VaultException e) {
                failure = VaultFailure.of(e);
                if (!failure.isTransient() || attempt >= retries.maxAttempts()) {
                    throw errors.loginFailed(failure, attempt);
                }
                pause("AppRole login", storePath, failure, attempt);
                continue;
            }
            try {
                return body.call(vault);
            } catch (VaultFailure f) {
                failure = f;
            } catch (VaultException e) {
                failure = VaultFailure.of(e);
            }
            if (failure.status() == 403 && session.canLogInAgain() && !loggedInAgain) {
                // Vault answers an expired token like a missing capability; a fresh token tells the two apart.
                session.refused(vault);
                loggedInAgain = true;
                attempt--;
                continue;
            }
            if (failure.status() == 503 && (failure.saysSealed() || sealedNow())) {
                throw errors.sealed();
            }
            if (!failure.isTransient() || attempt >= retries.maxAttempts()) {
                throw errors.failed(operation, storePath, capability, failure, attempt);
            }
            pause(operation, storePath, failure, attempt);
        }
    }

    private boolean sealedNow() {
        var health = health();
        return health.reachable() && health.sealed();
    }

    private void pause(String operation, String storePath, VaultFailure failure, int attempt) {
        var delay = settings.retries().backoffAfter(attempt);
        log.warn("Vault {} of '{}' failed ({}), attempt {} of {}; trying again in {} ms", operation, storePath,
                failure.reason(), attempt, settings.retries().maxAttempts(), delay.toMillis());
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreUnreachableException("Interrupted while waiting to retry the " + operation + " of '"
                    + storePath + "' at Vault " + settings.address(), e);
        }
    }

    /** One Vault call; throws {@link VaultFailure} for an answer it cannot use. */
    @FunctionalInterface
    private interface VaultCall<T> {
        T call(Vault vault) throws VaultException, VaultFailure;
    }
}

package io.harbormaster.command.secret.vault;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The logged-in Vault client. With a token it is fixed; with AppRole it logs in on first use, logs in again a little
 * before the token's lease ends, and on demand when Vault refused a token that may have expired. Each login makes a
 * fresh client, so a request in flight keeps the token it started with.
 */
final class VaultSession {

    /** Log in again once this share of the token's lease has passed, so a slow request does not outlive the token. */
    private static final double RENEW_AT = 0.8;

    private final VaultSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private volatile Vault current;
    private volatile Instant renewAfter = Instant.MAX;

    VaultSession(VaultSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        if (settings.auth() instanceof VaultAuth.Token token) {
            current = client(token.token());
        }
    }

    /** The client to call Vault with, logging in first when there is no valid AppRole token. */
    Vault client() throws VaultException {
        var vault = current;
        if (vault != null && clock.instant().isBefore(renewAfter)) {
            return vault;
        }
        synchronized (this) {
            if (current == null || !clock.instant().isBefore(renewAfter)) {
                login();
            }
            return current;
        }
    }

    /** Whether a refused token can be replaced by logging in again. */
    boolean canLogInAgain() {
        return settings.auth() instanceof VaultAuth.AppRole;
    }

    /** Forgets {@code refused} so that the next {@link #client()} logs in again (unless another thread already did). */
    synchronized void refused(Vault refused) {
        if (current == refused && canLogInAgain()) {
            current = null;
        }
    }

    /** A client without a token, for {@code sys/health}, which needs none. */
    Vault anonymous() {
        return client(null);
    }

    private void login() throws VaultException {
        var appRole = (VaultAuth.AppRole) settings.auth();
        var started = clock.instant();
        var response = anonymous().auth().loginByAppRole(appRole.mountPath(), appRole.roleId(), appRole.secretId());
        var token = response.getAuthClientToken();
        if (token == null || token.isBlank()) {
            throw new VaultException("the AppRole login answered without a client token", response.getRestResponse()
                    .getStatus());
        }
        long lease = response.getAuthLeaseDuration();
        renewAfter = lease > 0 ? started.plus(Duration.ofMillis((long) (lease * 1000 * RENEW_AT))) : Instant.MAX;
        current = client(token);
    }

    private Vault client(String token) {
        try {
            var config = new VaultConfig()
                    // Only what the settings say: the driver would otherwise pick up VAULT_TOKEN, ~/.vault-token and
                    // VAULT_SSL_* from the environment behind the operator's back.
                    .environmentLoader(new NothingFromTheEnvironment())
                    .address(settings.baseAddress())
                    .token(token)
                    .engineVersion(2)
                    .prefixPathDepth(settings.mount().split("/").length)
                    .openTimeout(seconds(settings.connectTimeout()))
                    .readTimeout(seconds(settings.readTimeout()))
                    .httpClient(http);
            if (settings.namespace() != null) {
                config.nameSpace(settings.namespace());
            }
            // Retries are ours (exponential, only for transient failures); the driver's would repeat refusals too.
            return Vault.create(config.build()).withRetries(0, 0);
        } catch (VaultException e) {
            throw new IllegalArgumentException("Vault settings rejected by the driver: " + e.getMessage(), e);
        }
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, Math.ceilDiv(duration.toMillis(), 1000));
    }

    /** An environment with no Vault variables at all. */
    private static final class NothingFromTheEnvironment extends EnvironmentLoader {

        @Override
        public String loadVariable(String name) {
            return null;
        }
    }
}

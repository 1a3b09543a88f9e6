package io.harbormaster.command.secret.vault;

import io.github.jopenlibs.vault.VaultException;
import io.harbormaster.command.secret.StoreHealth;

/**
 * One look at Vault for {@link VaultSecretStore#health()}: {@code sys/health} (no token needed) for reachable and
 * sealed, then {@code auth/token/lookup-self} to tell whether Harbormaster's token is accepted. Never retries and
 * never throws: a health report is quick and always answers.
 */
final class VaultHealthCheck {

    static final String KIND = "vault";

    private final VaultSettings settings;
    private final VaultSession session;

    VaultHealthCheck(VaultSettings settings, VaultSession session) {
        this.settings = settings;
        this.session = session;
    }

    StoreHealth check() {
        int status;
        boolean sealed;
        try {
            var health = session.anonymous().debug().health();
            status = health.getRestResponse().getStatus();
            sealed = Boolean.TRUE.equals(health.getSealed()) || status == 503;
        } catch (VaultException e) {
            return new StoreHealth(KIND, false, false, where() + ": no answer (" + VaultFailure.of(e).reason()
                    + "); check the address and that Vault is running");
        }
        if (status == 501) {
            return new StoreHealth(KIND, true, true, where() + ": not initialized (run 'vault operator init')");
        }
        if (sealed) {
            return new StoreHealth(KIND, true, true, where() + ": sealed (unseal it with 'vault operator unseal')");
        }
        var node = status == 429 || status == 473 ? "standby node" : "active";
        return new StoreHealth(KIND, true, false, where() + ": " + node + ", " + token());
    }

    /** Address, mount, prefix, namespace and login method: what an operator needs to find the secrets. */
    String where() {
        return "Vault at " + settings.address() + ", KV v2 mount '" + settings.mount() + "', prefix '"
                + settings.pathPrefix() + "'" + (settings.namespace() == null ? "" : ", namespace '"
                + settings.namespace() + "'") + ", " + settings.auth().method() + " login";
    }

    private String token() {
        try {
            var self = session.client().auth().lookupSelf();
            var ttl = self.getTTL();
            return "token accepted (" + (ttl > 0 ? "expires in " + ttl + " s" : "no expiry") + ", policies "
                    + self.getPolicies() + ")";
        } catch (VaultException e) {
            var failure = VaultFailure.of(e);
            return failure.status() == 403 || failure.status() == 400
                    ? "token or AppRole login refused (" + failure.reason() + ")"
                    : "token not checked (" + failure.reason() + ")";
        }
    }
}

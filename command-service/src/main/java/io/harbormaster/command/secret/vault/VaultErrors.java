package io.harbormaster.command.secret.vault;

import io.harbormaster.command.secret.SecretAccessDeniedException;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.secret.SecretStoreSealedException;
import io.harbormaster.command.secret.SecretStoreUnreachableException;

/**
 * Turns a {@link VaultFailure} into the exception a caller sees, with a message that says what to do next. The
 * messages name the Vault address, paths and capabilities, which are not secret; never a token or a value.
 */
final class VaultErrors {

    private final VaultSettings settings;

    VaultErrors(VaultSettings settings) {
        this.settings = settings;
    }

    /** An operation on {@code storePath} (e.g. {@code secret/data/harbormaster/...}) failed for good. */
    SecretStoreException failed(String operation, String storePath, String capability, VaultFailure failure,
                                int attempts) {
        var status = failure.status();
        if (status == 403) {
            return new SecretAccessDeniedException(storePath, capability, "Vault denied the " + operation + " of '"
                    + storePath + "' (" + failure.reason() + "): the policy of Harbormaster's token most likely lacks "
                    + "the \"" + capability + "\" capability on that path. Apply infra/vault/harbormaster-policy.hcl "
                    + "(vault policy write harbormaster infra/vault/harbormaster-policy.hcl) and attach it to the "
                    + "token or the AppRole role. An expired or revoked token is refused the same way: "
                    + (settings.auth() instanceof VaultAuth.AppRole
                            ? "Harbormaster already logged in again with AppRole and was still refused."
                            : "check it with 'vault token lookup' and set a new harbormaster.secrets.vault.token."));
        }
        if (failure.saysSealed()) {
            return sealed();
        }
        if (status == 501) {
            return new SecretStoreSealedException("Vault at " + settings.address() + " is not initialized: run "
                    + "'vault operator init' and unseal it, then retry.");
        }
        if (failure.noHandler()) {
            return new SecretStoreException("Vault at " + settings.address() + " has no secrets engine at mount '"
                    + settings.mount() + "/' (" + failure.reason() + "): enable KV version 2 there ('vault secrets "
                    + "enable -path=" + settings.mount() + " kv-v2', which infra/vault/setup-approle.sh does) or set "
                    + "harbormaster.secrets.vault.mount to the mount that holds Harbormaster's secrets.");
        }
        if (failure.isTransient()) {
            var what = failure.noAnswer() ? "did not answer" : "kept failing";
            return new SecretStoreUnreachableException("Vault at " + settings.address() + " " + what + " the "
                    + operation + " of '" + storePath + "' after " + attempts + " attempt(s) (" + failure.reason()
                    + "): check that Vault is running and reachable from this host, that "
                    + "harbormaster.secrets.vault.address is right, and Vault's own log.", failure.getCause());
        }
        return new SecretStoreException("Vault at " + settings.address() + " refused the " + operation + " of '"
                + storePath + "' (" + failure.reason() + "): check the KV version 2 mount ('" + settings.mount()
                + "') and the Vault server log.");
    }

    /** The AppRole login itself failed for good. */
    SecretStoreException loginFailed(VaultFailure failure, int attempts) {
        var appRole = (VaultAuth.AppRole) settings.auth();
        var loginPath = "auth/" + appRole.mountPath() + "/login";
        if (failure.status() == 400 || failure.status() == 403) {
            return new SecretAccessDeniedException(loginPath, "", "Vault refused the AppRole login at '" + loginPath
                    + "' (" + failure.reason() + "): check harbormaster.secrets.vault.approle.role-id and secret-id. "
                    + "A secret id expires and may be limited in uses: create a new one (infra/vault/setup-approle.sh "
                    + "prints one) and restart Harbormaster with it.");
        }
        return failed("AppRole login", loginPath, "update", failure, attempts);
    }

    SecretStoreSealedException sealed() {
        return new SecretStoreSealedException("Vault at " + settings.address() + " is sealed: an operator has to "
                + "unseal it ('vault operator unseal', or your auto-unseal); Harbormaster's secrets are unavailable "
                + "until then. Retrying does not help before that.");
    }
}

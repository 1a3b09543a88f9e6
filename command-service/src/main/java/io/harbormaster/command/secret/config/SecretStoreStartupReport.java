package io.harbormaster.command.secret.config;

import io.harbormaster.command.secret.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Says once at startup which secret store is in use and whether it can be used now: kind, address or key file,
 * mount. Built from {@link StoreHealth#description()}, which never holds a token or a value. A Vault that is sealed
 * or away is a warning, not a failed start: Harbormaster runs, and operations that need a secret say why they fail.
 */
final class SecretStoreStartupReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretStoreStartupReport.class);

    private final SecretStore store;

    SecretStoreStartupReport(SecretStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        report();
    }

    /** Logs and returns the line. */
    String report() {
        var health = store.health();
        var line = "Secret store: " + health.kind() + " (" + health.description() + ")";
        if (health.usable()) {
            log.info(line);
        } else {
            log.warn("{}; operations that need a secret will fail until this is fixed", line);
        }
        return line;
    }
}

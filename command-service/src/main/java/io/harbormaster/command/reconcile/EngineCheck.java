package io.harbormaster.command.reconcile;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.provision.EngineConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks a provisioned machine's Docker Engine itself whether it answers: a mutual-TLS {@code GET /_ping} with a client
 * certificate of the machine's CA, as users' clients connect. A connection (and its client certificate) is kept per
 * machine while the material, the URL and the certificate's validity allow, so a pass signs no certificate for a
 * machine it checked before.
 */
class EngineCheck {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
    /** Renew the kept client certificate this long before it expires (client certificates live at least 1 h). */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(30);

    private final MachineTls tls;
    private final Clock clock;
    private final Map<MachineId, Kept> kept = new ConcurrentHashMap<>();

    EngineCheck(MachineTls tls, Clock clock) {
        this.tls = tls;
        this.clock = clock;
    }

    /** Null when the engine at {@code dockerUrl} answers {@code OK}; otherwise what does not answer. */
    String problem(MachineId machineId, String dockerUrl, MachineCertificates certificates) {
        var engine = connection(machineId, dockerUrl, certificates);
        try {
            var response = engine.get("/_ping", PING_TIMEOUT);
            if (response.statusCode() == 200) {
                return null;
            }
            return notAnswering(dockerUrl) + " (HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return notAnswering(dockerUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinging " + dockerUrl, e);
        }
    }

    static String notAnswering(String dockerUrl) {
        return "Docker Engine not answering on " + dockerUrl;
    }

    void keepOnly(Set<MachineId> machines) {
        kept.entrySet().removeIf(entry -> {
            if (machines.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().engine().close();
            return true;
        });
    }

    private EngineConnection connection(MachineId machineId, String dockerUrl, MachineCertificates certificates) {
        var current = kept.get(machineId);
        if (current != null && current.version() == certificates.secretVersion()
                && current.engine().dockerUrl().equals(dockerUrl)
                && clock.instant().isBefore(current.engine().notAfter().minus(RENEW_BEFORE))) {
            return current.engine();
        }
        var engine = EngineConnection.open(tls, dockerUrl, certificates);
        var replaced = kept.put(machineId, new Kept(certificates.secretVersion(), engine));
        if (replaced != null) {
            replaced.engine().close();
        }
        return engine;
    }

    private record Kept(long version, EngineConnection engine) {
    }
}

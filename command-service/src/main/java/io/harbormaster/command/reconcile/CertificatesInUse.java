package io.harbormaster.command.reconcile;

import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineImported;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The TLS material each machine uses, as its latest {@link CertsRegenerated} (or its import) names it. Each
 * machine's events are read once, and then only the ones appended since, and only when the reconciler learnt that
 * the machine has new events ({@link #changed}): an unchanged machine costs no read, and renewals made on another
 * replica are still seen.
 */
class CertificatesInUse {

    private final EventStore events;
    private final Map<MachineId, Known> known = new ConcurrentHashMap<>();
    private final Set<MachineId> stale = ConcurrentHashMap.newKeySet();

    CertificatesInUse(EventStore events) {
        this.events = events;
    }

    Optional<MachineCertificates> of(MachineId machineId) {
        var kept = known.get(machineId);
        if (kept != null && !stale.contains(machineId)) {
            return Optional.ofNullable(kept.certificates());
        }
        var before = kept == null ? new Known(0, null) : kept;
        var next = before.nextSequence();
        var certificates = before.certificates();
        var stream = events.readEvents(machineId.value(), next);
        while (stream.hasNext()) {
            var event = stream.next();
            next = event.getSequenceNumber() + 1;
            if (event.getPayload() instanceof CertsRegenerated regenerated) {
                certificates = MachineCertificates.of(regenerated);
            } else if (event.getPayload() instanceof MachineImported imported) {
                certificates = imported.certificates();
            }
        }
        known.put(machineId, new Known(next, certificates));
        stale.remove(machineId);
        return Optional.ofNullable(certificates);
    }

    /** Forgets machines that are gone. */
    void keepOnly(Set<MachineId> machines) {
        known.keySet().retainAll(machines);
        stale.retainAll(machines);
    }

    /** The next {@link #of} of these machines reads the events appended since it last did. */
    void changed(Set<MachineId> machines) {
        stale.addAll(machines);
    }

    /** The next {@link #of} of every machine reads the events appended since it last did. */
    void allChanged() {
        stale.addAll(known.keySet());
    }

    private record Known(long nextSequence, MachineCertificates certificates) {
    }
}

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
 * machine's events are read once and then only the ones appended since, so a pass costs one short read per machine
 * and still sees renewals made on another replica.
 */
class CertificatesInUse {

    private final EventStore events;
    private final Map<MachineId, Known> known = new ConcurrentHashMap<>();

    CertificatesInUse(EventStore events) {
        this.events = events;
    }

    Optional<MachineCertificates> of(MachineId machineId) {
        var before = known.getOrDefault(machineId, new Known(0, null));
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
        return Optional.ofNullable(certificates);
    }

    /** Forgets machines that are gone. */
    void keepOnly(Set<MachineId> machines) {
        known.keySet().retainAll(machines);
    }

    private record Known(long nextSequence, MachineCertificates certificates) {
    }
}

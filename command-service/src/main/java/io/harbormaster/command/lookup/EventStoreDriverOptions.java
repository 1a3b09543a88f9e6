package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineImported;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Reads a machine's driver options and engine options from its {@link MachineCreated} (or {@link MachineImported})
 * event, through the event store (so upcasters apply). Options never change after creation, so each machine's are
 * kept once known, up to a bound: a creation committed by this process is known at once (its process needs them a
 * moment later), others are read once, which keeps the reconciler's passes from reading the event store for every
 * machine every time.
 */
@Component
@ProcessingGroup(LookupMaintainer.PROCESSING_GROUP)
class EventStoreDriverOptions implements DriverOptionsSource {

    private static final int KEPT = 50_000;

    private final EventStore events;
    private final Map<MachineId, Options> kept = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MachineId, Options> eldest) {
            return size() > KEPT;
        }
    };

    EventStoreDriverOptions(EventStore events) {
        this.events = events;
    }

    /** Keeps the options of a creation once it is committed; a rolled-back one leaves nothing behind. */
    @EventHandler
    void on(MachineCreated event) {
        keep(event.machineId(), Options.of(event));
    }

    /** An import records the options its machine has from then on, like a creation. */
    @EventHandler
    void on(MachineImported event) {
        keep(event.machineId(), Options.of(event));
    }

    private void keep(MachineId machineId, Options options) {
        Runnable keep = () -> {
            synchronized (kept) {
                kept.put(machineId, options);
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> keep.run());
        } else {
            keep.run();
        }
    }

    @Override
    public DriverOptions of(MachineId machineId) {
        return options(machineId).driver();
    }

    @Override
    public EngineOptions engineOptionsOf(MachineId machineId) {
        return options(machineId).engine();
    }

    private Options options(MachineId machineId) {
        synchronized (kept) {
            var known = kept.get(machineId);
            if (known != null) {
                return known;
            }
        }
        var read = read(machineId);
        if (read != null) {
            synchronized (kept) {
                kept.put(machineId, read);
            }
            return read;
        }
        return new Options(DriverOptions.none(), EngineOptions.none());
    }

    private Options read(MachineId machineId) {
        var stream = events.readEvents(machineId.value());
        // the creation (or the import) is the machine's first event
        if (!stream.hasNext()) {
            return null;
        }
        return switch (stream.next().getPayload()) {
            case MachineCreated created -> Options.of(created);
            case MachineImported imported -> Options.of(imported);
            default -> null;
        };
    }

    /** What a creation recorded of the machine's settings. */
    private record Options(DriverOptions driver, EngineOptions engine) {

        static Options of(MachineCreated created) {
            return of(created.driverOptions(), created.engineOptions());
        }

        static Options of(MachineImported imported) {
            return of(imported.driverOptions(), imported.engineOptions());
        }

        private static Options of(DriverOptions driver, EngineOptions engine) {
            return new Options(driver == null ? DriverOptions.none() : driver,
                    engine == null ? EngineOptions.none() : engine);
        }
    }
}

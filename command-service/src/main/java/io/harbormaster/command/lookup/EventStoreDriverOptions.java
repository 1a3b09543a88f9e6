package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Reads a machine's driver options and engine options from its {@link MachineCreated} event, through the event store
 * (so upcasters apply). Options never change after creation, so each machine's are kept once known, up to a bound: a creation
 * committed by this process is known at once (its process needs them a moment later), others are read once, which
 * keeps the reconciler's passes from reading the event store for every machine every time.
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
        var options = Options.of(event);
        Runnable keep = () -> {
            synchronized (kept) {
                kept.put(event.machineId(), options);
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
        // the creation is the machine's first event
        if (stream.hasNext() && stream.next().getPayload() instanceof MachineCreated created) {
            return Options.of(created);
        }
        return null;
    }

    /** What a creation recorded of the machine's settings. */
    private record Options(DriverOptions driver, EngineOptions engine) {

        static Options of(MachineCreated created) {
            return new Options(created.driverOptions() == null ? DriverOptions.none() : created.driverOptions(),
                    created.engineOptions() == null ? EngineOptions.none() : created.engineOptions());
        }
    }
}

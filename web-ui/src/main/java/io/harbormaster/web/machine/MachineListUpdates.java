package io.harbormaster.web.machine;

import com.vaadin.flow.shared.Registration;
import io.harbormaster.api.machine.MachineId;
import java.util.function.Predicate;

/** Tells an open page when machines it shows changed, as the machine list learns of it. */
public interface MachineListUpdates {

    /**
     * Runs {@code refresh} (on a background thread, at most once per short quiet period) after a change of a machine
     * that {@code relevant} accepts; removing the registration ends the subscription.
     */
    Registration subscribe(Predicate<MachineId> relevant, Runnable refresh);
}

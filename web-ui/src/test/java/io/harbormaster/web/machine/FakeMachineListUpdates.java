package io.harbormaster.web.machine;

import com.vaadin.flow.shared.Registration;
import io.harbormaster.api.machine.MachineId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Lets a view test announce a change as the query side would, and shows who listens. */
@Component
@Primary
class FakeMachineListUpdates implements MachineListUpdates {

    private record Listener(Predicate<MachineId> relevant, Runnable refresh) {
    }

    final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Registration subscribe(Predicate<MachineId> relevant, Runnable refresh) {
        var listener = new Listener(relevant, refresh);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A change of {@code machine}, delivered to the pages it concerns. */
    void changed(MachineId machine) {
        listeners.stream().filter(l -> l.relevant().test(machine)).forEach(l -> l.refresh().run());
    }
}

package io.harbormaster.command.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the reconciler reports about itself: how long a cycle takes from its first check to its last answer, how long
 * one machine's check takes, how late checks start after their slot (the cycle keeps up while this stays small), and
 * how many observations it sent as commands (what changed) against how many machines it checked.
 */
record ReconcilerMeters(Timer cycle, Timer check, Timer startDelay, Counter checked, Counter reported) {

    static ReconcilerMeters on(MeterRegistry registry) {
        return new ReconcilerMeters(
                Timer.builder("harbormaster.reconciler.pass")
                        .description("One reconciler cycle over every machine with a host, from its start to the "
                                + "last check's answer (about the interval when the checks are spread over it)")
                        .register(registry),
                Timer.builder("harbormaster.reconciler.check")
                        .description("One machine's check: its driver, its engine, and the report when it changed")
                        .register(registry),
                Timer.builder("harbormaster.reconciler.check.delay")
                        .description("How late a check started after its slot in the cycle")
                        .register(registry),
                Counter.builder("harbormaster.reconciler.checked")
                        .description("Machines checked").register(registry),
                Counter.builder("harbormaster.reconciler.reported")
                        .description("Observations sent to machines because something changed").register(registry));
    }
}

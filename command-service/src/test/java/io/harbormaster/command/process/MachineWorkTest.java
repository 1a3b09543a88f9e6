package io.harbormaster.command.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.driver.DriverCallExecutor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

/** The claim on a request's work: taken before the driver is called, waited for while another replica holds it. */
class MachineWorkTest {

    private static final MachineId MACHINE = MachineId.random();

    private final DefaultCommandGateway gateway = DefaultCommandGateway.builder()
            .commandBus(SimpleCommandBus.builder().build()).build();

    /** Claims held by "another replica" until {@link #letGo()}; counts what this replica asked and released. */
    private static final class OtherReplicaHolds implements MachineWorkClaims {

        final AtomicBoolean heldElsewhere = new AtomicBoolean(true);
        final AtomicInteger released = new AtomicInteger();

        @Override
        public boolean claim(MachineId machine, String kind, String correlationId) {
            return !heldElsewhere.get();
        }

        @Override
        public boolean claimedElsewhere(MachineId machine, String kind, String correlationId) {
            return heldElsewhere.get();
        }

        @Override
        public void release(MachineId machine, String kind, String correlationId) {
            released.incrementAndGet();
        }

        void letGo() {
            heldElsewhere.set(false);
        }
    }

    @Test
    void workHeldByAnotherReplica_runsHereOnlyOnceThatReplicaLetItGo() throws Exception {
        var claims = new OtherReplicaHolds();
        var ran = new CountDownLatch(1);
        try (var executor = new DriverCallExecutor(2)) {
            var work = new MachineWork(executor, gateway, claims);
            work.afterCommit(MACHINE, "STOP", "corr-1", () -> true, (id, reason) -> null, () -> {
                ran.countDown();
                return null;
            });
            assertThat(ran.await(1500, TimeUnit.MILLISECONDS)).as("not while the other replica holds it").isFalse();
            assertThat(work.inFlight(MACHINE, "STOP", "corr-1")).as("waiting counts as in flight here").isTrue();

            claims.letGo();
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(claims.released).hasValue(1);
    }

    @Test
    void workTheOtherReplicaFinished_isNotRunHere() throws Exception {
        var claims = new OtherReplicaHolds();
        var stillPending = new AtomicBoolean(true);
        var ran = new AtomicBoolean();
        try (var executor = new DriverCallExecutor(2)) {
            var work = new MachineWork(executor, gateway, claims);
            work.afterCommit(MACHINE, "START", "corr-2", stillPending::get, (id, reason) -> null, () -> {
                ran.set(true);
                return null;
            });
            Thread.sleep(300);
            stillPending.set(false);   // the other replica reported the outcome
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (work.inFlight(MACHINE, "START", "corr-2") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(work.inFlight(MACHINE, "START", "corr-2")).isFalse();
            claims.letGo();
            Thread.sleep(1500);
        }
        assertThat(ran).isFalse();
    }
}

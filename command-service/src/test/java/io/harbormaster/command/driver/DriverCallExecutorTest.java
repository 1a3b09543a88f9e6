package io.harbormaster.command.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DriverCallExecutorTest {

    @Test
    void noMoreCallsRunAtOnceThanTheBoundAllows() throws InterruptedException {
        var running = new AtomicInteger();
        var highest = new AtomicInteger();
        var release = new CountDownLatch(1);
        var done = new CountDownLatch(10);
        try (var executor = new DriverCallExecutor(3)) {
            for (int i = 0; i < 10; i++) {
                executor.submit(() -> {
                    highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            Thread.sleep(200);
            assertThat(running.get()).isEqualTo(3);
            release.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(highest.get()).isEqualTo(3);
    }

    @Test
    void aFailingCallReleasesItsPermitAndRunsOnAVirtualThread() throws InterruptedException {
        var virtual = new CountDownLatch(1);
        try (var executor = new DriverCallExecutor(1)) {
            executor.submit(() -> {
                throw new IllegalStateException("boom");
            });
            executor.submit(() -> {
                if (Thread.currentThread().isVirtual()) {
                    virtual.countDown();
                }
            });
            assertThat(virtual.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}

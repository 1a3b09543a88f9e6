package io.harbormaster.command.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitingSecretStoreTest {

    private static final SecretPath PATH = SecretPath.of("harbormaster/machines/m/tls");

    /** The in-memory store that first answers {@code failures} calls with {@code failure}. */
    private static final class AwayFor extends InMemorySecretStore {
        private final AtomicInteger failures;
        private final RuntimeException failure;
        final AtomicInteger calls = new AtomicInteger();

        AwayFor(int failures, RuntimeException failure) {
            this.failures = new AtomicInteger(failures);
            this.failure = failure;
        }

        @Override
        public SecretVersion write(SecretPath path, Map<String, String> data) {
            calls.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw failure;
            }
            return super.write(path, data);
        }
    }

    private static SecretStoreUnreachableException unreachable() {
        return new SecretStoreUnreachableException("Vault at http://127.0.0.1:1 did not answer", null);
    }

    @Test
    void aRequestThatFindsTheStoreAway_failsAtOnce() {
        var away = new AwayFor(1, unreachable());
        var store = new WaitingSecretStore(away, Clock.systemUTC());

        assertThatThrownBy(() -> store.write(PATH, Map.of("k", "v")))
                .isInstanceOf(SecretStoreUnreachableException.class);
        assertThat(away.calls).hasValue(1);
    }

    @Test
    void backgroundWorkWithPatience_waitsForTheStoreToComeBack_andCarriesOn() throws Exception {
        var away = new AwayFor(2, new SecretStoreSealedException("Vault is sealed"));
        var store = new WaitingSecretStore(away, Clock.systemUTC());

        var version = WaitingSecretStore.waitingUpTo(Duration.ofSeconds(30), () -> store.write(PATH, Map.of("k", "v")));

        assertThat(version.number()).isEqualTo(1);
        assertThat(away.calls).hasValue(3);
        assertThat(WaitingSecretStore.deadline()).as("the patience ends with the work").isNull();
    }

    @Test
    void pastItsPatience_backgroundWorkGetsTheFailure() {
        var away = new AwayFor(Integer.MAX_VALUE, unreachable());
        var store = new WaitingSecretStore(away, Clock.systemUTC());

        assertThatThrownBy(() -> WaitingSecretStore.waitingUpTo(Duration.ofMillis(700),
                () -> store.write(PATH, Map.of("k", "v")))).isInstanceOf(SecretStoreUnreachableException.class);
        assertThat(away.calls.get()).as("tried again while patient, then gave up").isBetween(2, 4);
    }

    @Test
    void failuresThatWaitingCannotMend_areNotWaitedFor() {
        var away = new AwayFor(1, new SecretAccessDeniedException("harbormaster/machines/m/tls", "create", "permission denied"));
        var store = new WaitingSecretStore(away, Clock.systemUTC());

        assertThatThrownBy(() -> WaitingSecretStore.waitingUpTo(Duration.ofSeconds(30),
                () -> store.write(PATH, Map.of("k", "v")))).isInstanceOf(SecretAccessDeniedException.class);
        assertThat(away.calls).hasValue(1);
    }
}

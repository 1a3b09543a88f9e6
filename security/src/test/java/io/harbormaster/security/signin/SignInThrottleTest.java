package io.harbormaster.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The back-off rules with a clock we move by hand. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void givenFourFailures_thenNotLocked_andTheFifthLocksForTheRestOfTheWindow() {
        for (var i = 0; i < 4; i++) {
            throttle.passwordFailed("grace", "10.0.0.1");
            now = now.plusSeconds(60);
        }
        assertThat(throttle.passwordLocked("grace", "10.0.0.1")).isEmpty();
        throttle.passwordFailed("grace", "10.0.0.1");
        assertThat(throttle.passwordLocked("grace", "10.0.0.1")).contains(Duration.ofMinutes(11));
        assertThat(throttle.passwordLocked("Grace", "10.0.0.1")).isPresent();
        assertThat(throttle.passwordLocked("grace", "10.0.0.2")).isEmpty();
        assertThat(throttle.passwordLocked("ada", "10.0.0.1")).isEmpty();
        assertThat(throttle.tokenLocked("10.0.0.1")).isEmpty();

        now = now.plus(Duration.ofMinutes(11));
        assertThat(throttle.passwordLocked("grace", "10.0.0.1")).isEmpty();
    }

    @Test
    void givenFailures_whenSignInSucceeds_thenTheUsernameCounterStartsOver() {
        for (var i = 0; i < 4; i++) {
            throttle.passwordFailed("grace", "10.0.0.1");
        }
        throttle.passwordSucceeded("grace", "10.0.0.1");
        throttle.passwordFailed("grace", "10.0.0.1");
        assertThat(throttle.passwordLocked("grace", "10.0.0.1")).isEmpty();
    }

    @Test
    void givenFiveTokenFailures_thenTokensFromThatAddressAreLocked() {
        for (var i = 0; i < 5; i++) {
            throttle.tokenFailed("10.0.0.1");
        }
        assertThat(throttle.tokenLocked("10.0.0.1")).contains(SignInThrottle.WINDOW);
        assertThat(throttle.tokenLocked("10.0.0.9")).isEmpty();
        assertThat(throttle.passwordLocked("grace", "10.0.0.1")).isEmpty();
    }

    @Test
    void givenFailuresSprayedOverManyUsernames_thenTheAddressIsLocked() {
        for (var i = 0; i < SignInThrottle.ADDRESS_LIMIT; i++) {
            throttle.passwordFailed("user-" + i, "10.0.0.1");
        }
        assertThat(throttle.passwordLocked("someone-else", "10.0.0.1")).isPresent();
        assertThat(throttle.tokenLocked("10.0.0.1")).isPresent();
    }
}

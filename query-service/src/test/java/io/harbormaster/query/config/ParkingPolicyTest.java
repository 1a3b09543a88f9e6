package io.harbormaster.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.junit.jupiter.api.Test;

class ParkingPolicyTest {

    private final ParkingPolicy policy = new ParkingPolicy();
    private final GenericDeadLetter<org.axonframework.eventhandling.EventMessage<?>> letter =
            new GenericDeadLetter<>("sequence", GenericEventMessage.asEventMessage("payload"));

    @Test
    void parksAFailureWithAReadableCause() {
        var decision = policy.decide(letter, new DataIntegrityViolationException("bad\u0000value\nsecond line"));
        assertThat(decision.shouldEnqueue()).isTrue();
        var cause = decision.enqueueCause().orElseThrow();
        assertThat(cause.getMessage()).isEqualTo("bad\uFFFDvalue second line");
    }

    @Test
    void cutsALongCauseToTheColumnsWidth() {
        var decision = policy.decide(letter, new IllegalStateException("x".repeat(5000)));
        assertThat(decision.enqueueCause().orElseThrow().getMessage()).hasSize(ParkingPolicy.MAX_MESSAGE);
    }

    @Test
    void anUnreachableDatabaseIsRetriedNotParked() {
        var unreachable = new DataAccessResourceFailureException("down",
                new SQLTransientConnectionException("connection is not available"));
        assertThatThrownBy(() -> policy.decide(letter, unreachable)).isSameAs(unreachable);
    }

    @Test
    void aDeadlockBetweenTwoSegmentsIsRetriedNotParked() {
        var deadlock = new org.springframework.dao.CannotAcquireLockException("deadlock",
                new java.sql.SQLException("deadlock detected", "40P01"));
        assertThatThrownBy(() -> policy.decide(letter, deadlock)).isSameAs(deadlock);
    }

    @Test
    void aConstraintViolationIsStillParked() {
        var violation = new RuntimeException("duplicate", new java.sql.SQLException("duplicate key", "23505"));
        assertThat(policy.decide(letter, violation).shouldEnqueue()).isTrue();
    }
}

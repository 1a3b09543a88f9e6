package io.harbormaster.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.UserSummary;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The users projection as a plain object on a real PostgreSQL. */
class UsersProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final UserId zed = UserId.random();
    final UserId amy = UserId.random();

    JdbcClient jdbc;
    UsersProjection projection;

    @BeforeEach
    void users() {
        jdbc = ReadModelDatabase.fresh();
        projection = new UsersProjection(jdbc);
        projection.on(new UserRegistered(zed, Username.of("zed"), "Zed", false), T0);
        projection.on(new UserRegistered(amy, Username.of("amy"), null, true), T0.plusSeconds(1));
    }

    @Test
    void usersAreListedByUsername_withTheRegistrationTimeOfTheEvent() {
        assertThat(projection.handle(new FindUsersQuery()).users()).containsExactly(
                new UserSummary(amy, "amy", null, true, T0.plusSeconds(1)),
                new UserSummary(zed, "zed", "Zed", false, T0));
    }

    @Test
    void handlingTheSameEventTwice_changesNothing() {
        var before = ReadModelDatabase.snapshot(jdbc, List.of("rm_user"));

        projection.on(new UserRegistered(zed, Username.of("zed"), "Zed", false), T0);

        assertThat(ReadModelDatabase.snapshot(jdbc, List.of("rm_user"))).isEqualTo(before);
    }

    @Test
    void resetHandler_emptiesTheUserTable() {
        projection.reset();

        assertThat(projection.handle(new FindUsersQuery()).users()).isEmpty();
    }
}

package io.harbormaster.query.audit;

import static io.harbormaster.query.TestCallers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.audit.FindPlatformAuditLogQuery;
import io.harbormaster.api.audit.FindTeamAuditLogQuery;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.FindMachineHistoryQuery;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.SignInFailed;
import io.harbormaster.api.user.SignInFailure;
import io.harbormaster.api.user.SignInMethod;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.UserSignedIn;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.Acting;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail as a plain object on a real PostgreSQL: attribution, filters, paging, idempotency, reset. */
class AuditTrailProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final List<String> TABLES = List.of("rm_audit_entry", "rm_audit_machine", "rm_audit_team", "rm_audit_user");

    final TeamId ops = TeamId.random();
    final TeamId qa = TeamId.random();
    final UserId alice = UserId.random();
    final UserId bob = UserId.random();
    final MachineId web1 = MachineId.random();
    final Acting aliceCli = Acting.cli(alice.value(), "alice");
    final Acting bobUi = Acting.ui(bob.value(), "bob");

    JdbcClient jdbc;
    AuditTrailProjection projection;
    AuditQueries queries;
    int eventNumber;
    final List<EventMessage<?>> delivered = new ArrayList<>();

    @BeforeEach
    void history() {
        jdbc = ReadModelDatabase.fresh();
        projection = new AuditTrailProjection(jdbc);
        queries = new AuditQueries(jdbc);
        // minute 0..2: people and teams; minute 3..7: web-1's life
        on(aliceCli, alice.value(), 0, 0, new UserRegistered(alice, Username.of("alice"), "Alice", true));
        on(aliceCli, bob.value(), 0, 0, new UserRegistered(bob, Username.of("bob"), "Bob", false));
        on(aliceCli, ops.value(), 0, 1, new TeamCreated(ops, TeamName.of("ops"), alice));
        on(aliceCli, ops.value(), 1, 1, new MemberAdded(ops, alice, TeamRole.OWNER));
        on(aliceCli, ops.value(), 2, 2, new MemberAdded(ops, bob, TeamRole.MEMBER));
        on(bobUi, qa.value(), 0, 2, new TeamCreated(qa, TeamName.of("qa"), bob));
        on(aliceCli, web1.value(), 0, 3, new MachineCreated(web1, ops, MachineName.of("web-1"), "generic",
                DriverOptions.none(), alice));
        on(Acting.reconciler(), web1.value(), 1, 4, new MachineStarted(web1));
        on(aliceCli, web1.value(), 2, 5, new MachineHandedOff(web1, alice, bob, true));
        on(bobUi, web1.value(), 3, 6, new MachineShared(web1, Grantee.team(qa), ShareRole.VIEWER));
        on(bobUi, web1.value(), 4, 7, new MachineRemoved(web1, ops, MachineName.of("web-1")));
    }

    void on(Acting acting, String aggregate, long seq, int minute, Object payload) {
        var message = acting.event("event-" + (++eventNumber), aggregate, seq, T0.plusSeconds(60L * minute), payload);
        delivered.add(message);
        projection.on(payload, message);
    }

    AuditPage teamLog(AuditFilter filter) {
        return queries.handle(new FindTeamAuditLogQuery(ops, filter, PageRequest.first(), ADMIN));
    }

    static List<String> actions(AuditPage page) {
        return page.items().stream().map(AuditEntry::action).toList();
    }

    @Test
    void platformLog_holdsEverything_includingSignInsThatBelongToNoTeam() {
        on(new Acting("anonymous", "anonymous", "api", "198.51.100.7", "corr-x"), "attempt-1", 0, 8,
                new SignInFailed(bob, Username.of("bob"), SignInMethod.PASSWORD, SignInFailure.BAD_CREDENTIALS));
        on(new Acting("anonymous", "anonymous", "api", "198.51.100.7", "corr-y"), "attempt-2", 0, 9,
                new SignInFailed(null, null, SignInMethod.API_TOKEN, SignInFailure.INVALID_TOKEN));
        on(bobUi, "sign-in-1", 0, 10, new UserSignedIn(bob, Username.of("bob"), SignInMethod.OIDC));

        var all = queries.handle(new FindPlatformAuditLogQuery(AuditFilter.any(), PageRequest.first(), ADMIN));
        var failures = queries.handle(new FindPlatformAuditLogQuery(new AuditFilter(null, null, "SignInFailed",
                null, null), PageRequest.first(), ADMIN));

        assertThat(all.total()).isEqualTo(14);
        assertThat(all.items().getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("UserSignedIn");
            assertThat(e.subject()).isEqualTo("bob");
            assertThat(e.summary()).isEqualTo("signed in through the identity provider");
            assertThat(e.teamId()).isNull();
        });
        assertThat(failures.items()).extracting(AuditEntry::subject, AuditEntry::summary).containsExactly(
                tuple("unknown account", "sign-in with an API token refused: unknown, revoked or expired token"),
                tuple("bob", "sign-in with a password refused: wrong password"));
        assertThat(teamLog(AuditFilter.any()).items()).extracting(AuditEntry::action)
                .doesNotContain("SignInFailed", "UserSignedIn");
    }

    @Test
    void platformLog_isForPlatformAdminsOnly() {
        var member = new io.harbormaster.api.user.Caller(bob, false);

        assertThat(queries.handle(new FindPlatformAuditLogQuery(AuditFilter.any(), PageRequest.first(), member)))
                .isNull();
    }

    @Test
    void machineHistory_isNewestFirst_andOutlivesTheMachine() {
        var history = queries.handle(new FindMachineHistoryQuery(web1, PageRequest.first(), ADMIN));

        assertThat(actions(history)).containsExactly("MachineRemoved", "MachineShared", "MachineHandedOff",
                "MachineStarted", "MachineCreated");
        assertThat(history.total()).isEqualTo(5);
    }

    @Test
    void anEntryHoldsWhoWhatWhenAndWhereFrom() {
        var handOff = queries.handle(new FindMachineHistoryQuery(web1, PageRequest.first(), ADMIN)).items().get(2);

        assertThat(handOff).isEqualTo(new AuditEntry("event-9", T0.plusSeconds(300), ops, web1, "web-1",
                "MachineHandedOff", "handed off from alice to bob; previous holder's access revoked",
                alice.value(), "alice", "cli", "192.0.2.10", "corr-alice"));
    }

    @Test
    void summariesNameTheirObjects() {
        var history = queries.handle(new FindMachineHistoryQuery(web1, PageRequest.first(), ADMIN)).items();

        assertThat(history).extracting(AuditEntry::summary).containsExactly(
                "removed", "shared with team qa as viewer",
                "handed off from alice to bob; previous holder's access revoked", "started",
                "created with driver generic, held by alice");
    }

    @Test
    void historyPages_carryTheTotal() {
        var second = queries.handle(new FindMachineHistoryQuery(web1, new PageRequest(1, 2), ADMIN));

        assertThat(actions(second)).containsExactly("MachineHandedOff", "MachineStarted");
        assertThat(second.total()).isEqualTo(5);
    }

    @Test
    void teamLog_coversTheTeamsOwnEventsAndItsMachines_butNotOtherTeams() {
        var log = teamLog(AuditFilter.any());

        assertThat(actions(log)).containsExactly("MachineRemoved", "MachineShared", "MachineHandedOff",
                "MachineStarted", "MachineCreated", "MemberAdded", "MemberAdded", "TeamCreated");
        assertThat(log.items()).allMatch(entry -> ops.equals(entry.teamId()));
        assertThat(log.items().get(5).summary()).isEqualTo("bob added as member");
        assertThat(log.items().get(5).subject()).isEqualTo("ops");
    }

    @Test
    void teamLog_filtersByActorIdOrName() {
        assertThat(actions(teamLog(new AuditFilter("bob", null, null, null, null))))
                .containsExactly("MachineRemoved", "MachineShared");
        assertThat(actions(teamLog(new AuditFilter(bob.value(), null, null, null, null))))
                .containsExactly("MachineRemoved", "MachineShared");
        assertThat(actions(teamLog(new AuditFilter("system", null, null, null, null))))
                .containsExactly("MachineStarted");
    }

    @Test
    void teamLog_filtersByChannelAndAction() {
        assertThat(actions(teamLog(new AuditFilter(null, Channel.RECONCILER, null, null, null))))
                .containsExactly("MachineStarted");
        assertThat(actions(teamLog(new AuditFilter(null, Channel.UI, null, null, null))))
                .containsExactly("MachineRemoved", "MachineShared");
        assertThat(actions(teamLog(new AuditFilter(null, null, "MemberAdded", null, null))))
                .containsExactly("MemberAdded", "MemberAdded");
        assertThat(teamLog(new AuditFilter("alice", Channel.CLI, "MemberAdded", null, null)).total()).isEqualTo(2);
    }

    @Test
    void teamLog_timeRangeIncludesFromAndExcludesTo() {
        var range = new AuditFilter(null, null, null, T0.plusSeconds(180), T0.plusSeconds(300));

        assertThat(actions(teamLog(range))).containsExactly("MachineStarted", "MachineCreated");
    }

    @Test
    void teamLog_pagesCarryTheTotal() {
        var page = queries.handle(new FindTeamAuditLogQuery(ops, AuditFilter.any(), new PageRequest(3, 2), ADMIN));

        // same minute: the team's sequence number orders MemberAdded (1) before TeamCreated (0), newest first
        assertThat(actions(page)).containsExactly("MemberAdded", "TeamCreated");
        assertThat(page.total()).isEqualTo(8);
    }

    @Test
    void userEvents_belongToNoTeam() {
        var registrations = jdbc.sql("SELECT count(*) FROM rm_audit_entry WHERE action = 'UserRegistered' AND team_id IS NULL")
                .query(Long.class).single();

        assertThat(registrations).isEqualTo(2);
    }

    @Test
    void handlingTheSameEventsTwice_changesNothing() {
        var before = ReadModelDatabase.snapshot(jdbc, TABLES);

        delivered.forEach(message -> projection.on(message.getPayload(), message));

        assertThat(ReadModelDatabase.snapshot(jdbc, TABLES)).isEqualTo(before);
    }

    @Test
    void eventsFromOutsideTheSharedLanguage_areNotRecorded() {
        record SomethingInternal(String value) {
        }

        on(aliceCli, "x", 0, 9, new SomethingInternal("x"));

        assertThat(ReadModelDatabase.count(jdbc, "rm_audit_entry")).isEqualTo(11);
    }

    @Test
    void axonCanDispatchToTheCatchAllHandler_andResetIt() throws Exception {
        var adapter = new AnnotationEventHandlerAdapter(projection);

        adapter.handle(bobUi.event("event-via-axon", web1.value(), 9, T0.plusSeconds(3600),
                new MachineStarted(web1)));

        assertThat(queries.handle(new FindMachineHistoryQuery(web1, PageRequest.first(), ADMIN)).items().getFirst())
                .extracting(AuditEntry::eventId, AuditEntry::actorName, AuditEntry::teamId)
                .containsExactly("event-via-axon", "bob", ops);

        adapter.prepareReset();

        assertThat(ReadModelDatabase.count(jdbc, "rm_audit_entry")).isZero();
    }

    @Test
    void resetHandler_emptiesExactlyTheAuditTables() {
        projection.reset();

        for (var table : TABLES) {
            assertThat(ReadModelDatabase.count(jdbc, table)).as(table).isZero();
        }
    }

    @Test
    void liveStreamRows_areNumberedInWritingOrder_andCarryTheMachinesStateAfterEachEntry() {
        var streams = new AuditStreams(jdbc, queries, java.time.Duration.ofHours(1), java.time.Duration.ofHours(1),
                java.time.Duration.ofHours(1));
        try {
            var rows = streams.rowsAfter(new AuditStreams.MachineScope(web1), 0);

            assertThat(rows).extracting(row -> row.entry().action()).containsExactly("MachineCreated",
                    "MachineStarted", "MachineHandedOff", "MachineShared", "MachineRemoved");
            assertThat(rows).extracting(AuditStreams.Row::seq).isSorted().doesNotHaveDuplicates();
            // a hand-off and a share leave the state as it was: the last one known is carried to them
            assertThat(rows).extracting(row -> row.entry().state()).containsExactly(MachineState.Creating,
                    MachineState.Running, MachineState.Running, MachineState.Running, MachineState.Removed);
            var afterSecond = streams.rowsAfter(new AuditStreams.MachineScope(web1), rows.get(1).seq());
            assertThat(afterSecond).extracting(row -> row.entry().action())
                    .containsExactly("MachineHandedOff", "MachineShared", "MachineRemoved");
            assertThat(streams.rowsAfter(new AuditStreams.TeamScope(ops), 0)).extracting(row -> row.entry().action())
                    .startsWith("TeamCreated", "MemberAdded", "MemberAdded", "MachineCreated");
            assertThat(streams.head()).isGreaterThanOrEqualTo(rows.getLast().seq());
        } finally {
            streams.destroy();
        }
    }

    @Test
    void theStateAfterEachMachineEvent_isTheOneTheMachineListShows() throws Exception {
        var list = new AnnotationEventHandlerAdapter(new io.harbormaster.query.machine.MachineListProjection(jdbc));
        var events = List.<java.util.function.Function<MachineId, Object>>of(
                id -> new io.harbormaster.api.machine.ProvisioningStarted(id, "debian"),
                id -> new io.harbormaster.api.machine.MachineProvisioned(id, "tcp://10.0.0.5:2376", "27.3.1"),
                id -> new io.harbormaster.api.machine.ProvisioningFailed(id, "install", "no apt"),
                id -> new io.harbormaster.api.machine.MachineStopRequested(id),
                id -> new io.harbormaster.api.machine.MachineStopped(id),
                id -> new io.harbormaster.api.machine.MachineStartRequested(id),
                id -> new io.harbormaster.api.machine.MachineRestartRequested(id),
                id -> new io.harbormaster.api.machine.MachineKillRequested(id),
                id -> new io.harbormaster.api.machine.MachineKilled(id),
                id -> new io.harbormaster.api.machine.LifecycleOperationFailed(id,
                        io.harbormaster.api.machine.LifecycleOperation.START, "boom", MachineState.Stopped),
                id -> new io.harbormaster.api.machine.MachineStateObserved(id, MachineState.Running, MachineState.Error,
                        "host down", T0),
                id -> new io.harbormaster.api.machine.MachineRemovalRequested(id, false),
                id -> new io.harbormaster.api.machine.RemovalFailed(id, "gone"));
        for (var make : events) {
            var id = MachineId.random();
            list.handle(Acting.reconciler().event("c-" + id.value(), id.value(), 0, T0, new MachineCreated(id, ops,
                    MachineName.of("m-" + id.value().substring(0, 8)), "none", DriverOptions.none(), alice)));
            var event = make.apply(id);
            list.handle(Acting.reconciler().event("e-" + id.value(), id.value(), 1, T0.plusSeconds(1), event));
            var shown = jdbc.sql("SELECT state FROM rm_machine WHERE id = :id").param("id", java.util.UUID.fromString(
                    id.value())).query(String.class).single();
            assertThat(MachineStateAfter.of(event)).as(event.getClass().getSimpleName())
                    .contains(MachineState.valueOf(shown));
        }
    }
}

package io.harbormaster.query.audit;

import static io.harbormaster.query.TestCallers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.FindTeamAuditLogQuery;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.Acting;
import io.harbormaster.query.testing.ReadModelDatabase;
import io.harbormaster.query.web.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export against a real PostgreSQL: for every filter it holds exactly the entries of all the list's pages, in
 * the same order, in both formats, however the chunks and pages fall, including timestamp ties broken by sequence
 * number and event id and entries without a sequence number.
 */
class AuditExportTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final TeamId ops = TeamId.random();
    final TeamId qa = TeamId.random();
    final UserId alice = UserId.random();
    final UserId bob = UserId.random();
    final Acting aliceCli = Acting.cli(alice.value(), "alice");
    final Acting bobUi = Acting.ui(bob.value(), "bob");
    final JsonMapper json = JsonMapper.builder().build();

    AuditTrailProjection projection;
    AuditQueries queries;

    @BeforeEach
    void history() {
        var jdbc = ReadModelDatabase.fresh();
        projection = new AuditTrailProjection(jdbc);
        queries = new AuditQueries(jdbc);
        on(aliceCli, alice.value(), 0, 0, new UserRegistered(alice, Username.of("alice"), "Alice", true));
        on(aliceCli, bob.value(), 0, 0, new UserRegistered(bob, Username.of("bob"), "Bob", false));
        on(aliceCli, ops.value(), 0, 1, new TeamCreated(ops, TeamName.of("ops"), alice));
        on(aliceCli, ops.value(), 1, 1, new MemberAdded(ops, alice, TeamRole.OWNER));
        on(bobUi, qa.value(), 0, 1, new TeamCreated(qa, TeamName.of("qa"), bob));
        // six machines whose events share timestamps, so ties are broken by sequence number and then event id
        for (int m = 0; m < 6; m++) {
            var machine = MachineId.random();
            var acting = m % 2 == 0 ? aliceCli : bobUi;
            on(acting, machine.value(), 0, 2, new MachineCreated(machine, m < 5 ? ops : qa,
                    MachineName.of("web-" + m), "generic", DriverOptions.none(), alice));
            for (int seq = 1; seq <= 4; seq++) {
                on(seq % 3 == 0 ? Acting.reconciler() : acting, machine.value(), seq, 3 + seq / 2,
                        seq % 2 == 0 ? new MachineStopped(machine) : new MachineStarted(machine));
            }
        }
        // events that are not domain events carry no sequence number; they sort after those that do
        for (int i = 0; i < 4; i++) {
            var message = new GenericEventMessage<Object>(UUID.randomUUID().toString(),
                    new MemberAdded(ops, bob, TeamRole.MEMBER), bobUi.metaData(), T0.plusSeconds(60L * 3));
            projection.on(message.getPayload(), message);
        }
    }

    void on(Acting acting, String aggregate, long seq, int minute, Object payload) {
        // random ids: their order is unrelated to the order the events happened in
        var message = acting.event(UUID.randomUUID().toString(), aggregate, seq, T0.plusSeconds(60L * minute), payload);
        projection.on(payload, message);
    }

    List<AuditFilter> filters() {
        return List.of(AuditFilter.any(),
                new AuditFilter("alice", null, null, null, null),
                new AuditFilter(bob.value(), null, null, null, null),
                new AuditFilter(null, Channel.RECONCILER, null, null, null),
                new AuditFilter(null, Channel.UI, "MemberAdded", null, null),
                new AuditFilter(null, null, "MachineStopped", null, null),
                new AuditFilter(null, null, null, T0.plusSeconds(120), T0.plusSeconds(240)),
                new AuditFilter("nobody", null, null, null, null));
    }

    /** Every page of the list, as a caller paging through it would see them, in small pages. */
    List<AuditEntry> allListPages(TeamId team, AuditFilter filter) {
        var all = new ArrayList<AuditEntry>();
        for (int page = 0; ; page++) {
            var answer = queries.handle(new FindTeamAuditLogQuery(team, filter, new PageRequest(page, 4), ADMIN));
            all.addAll(answer.items());
            if ((long) (page + 1) * answer.size() >= answer.total()) {
                return all;
            }
        }
    }

    String export(AuditExport export, TeamId team, AuditFilter filter, AuditExportFormat format) throws IOException {
        var out = new ByteArrayOutputStream();
        export.write(team, filter, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    String csvOf(List<AuditEntry> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = new AuditCsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (var entry : entries) {
            writer.write(entry);
        }
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHistoryHasEnoughEntriesAndTiesToSpanSeveralChunks() {
        var all = allListPages(ops, AuditFilter.any());

        assertThat(all).hasSize(1 + 1 + 5 * 5 + 4);
        assertThat(all).extracting(AuditEntry::eventId).doesNotHaveDuplicates();
    }

    @Test
    void theExport_equalsAllListPagesConcatenated_forEveryFilter_inBothFormats() throws IOException {
        for (int chunk : new int[] {1, 3, 7, 500}) {
            var export = new AuditExport(queries, json, chunk, AuditExport.MAX_ROWS);
            for (var filter : filters()) {
                var expected = allListPages(ops, filter);
                var description = "chunk " + chunk + ", " + filter;

                assertThat(export(export, ops, filter, AuditExportFormat.CSV)).as(description)
                        .isEqualTo(csvOf(expected));
                var exportedJson = export(export, ops, filter, AuditExportFormat.JSON);
                assertThat(exportedJson).as(description).isEqualTo(json.writeValueAsString(expected));
                assertThat(json.readValue(exportedJson, new TypeReference<List<AuditEntry>>() { }))
                        .as(description).isEqualTo(expected);
            }
        }
    }

    @Test
    void thePortalsExportQuery_answersTheSameBytesAsTheWriter_namedAsTheApiNamesThem_andNothingForAStranger()
            throws IOException {
        var portal = new AuditExportQueries(queries, json);
        var filter = new AuditFilter("alice", null, null, null, null);

        var file = portal.handle(new io.harbormaster.api.audit.ExportTeamAuditLogQuery(ops, filter, "csv", ADMIN));

        var expected = new java.io.ByteArrayOutputStream();
        new AuditExport(queries, json, 7, AuditExport.MAX_ROWS).write(ops, filter, AuditExportFormat.CSV, expected);
        assertThat(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(expected.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(file.fileName()).matches("audit-ops-\\d{8}T\\d{6}Z\\.csv");
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(portal.handle(new io.harbormaster.api.audit.ExportTeamAuditLogQuery(ops, filter, "json",
                new io.harbormaster.api.user.Caller(UserId.random(), false)))).isNull();
    }

    @Test
    void aUsersOwnSignIns_areTheirsOnly_newestFirst_refusalsIncluded() {
        var jdbc = ReadModelDatabase.fresh();
        var trail = new AuditTrailProjection(jdbc);
        var mine = new AuditQueries(jdbc);
        for (var user : List.of(alice, bob)) {
            jdbc.sql("INSERT INTO rm_user (id, username, display_name, admin, registered_at) VALUES (?, ?, ?, false, ?)")
                    .params(UUID.fromString(user.value()), user == alice ? "alice" : "bob", "x",
                            T0.atOffset(java.time.ZoneOffset.UTC))
                    .update();
        }
        var events = List.of(
                new io.harbormaster.api.user.UserSignedIn(alice, Username.of("alice"),
                        io.harbormaster.api.user.SignInMethod.PASSWORD),
                new io.harbormaster.api.user.SignInFailed(alice, Username.of("alice"),
                        io.harbormaster.api.user.SignInMethod.PASSWORD,
                        io.harbormaster.api.user.SignInFailure.BAD_CREDENTIALS),
                new io.harbormaster.api.user.UserSignedIn(bob, Username.of("bob"),
                        io.harbormaster.api.user.SignInMethod.PASSWORD));
        for (int i = 0; i < events.size(); i++) {
            var payload = events.get(i);
            trail.on(payload, aliceCli.event(UUID.randomUUID().toString(), "user-" + i, 0, T0.plusSeconds(i), payload));
        }

        var page = mine.handle(new io.harbormaster.api.audit.FindOwnSignInsQuery(
                new io.harbormaster.api.user.Caller(alice, false), PageRequest.first()));

        assertThat(page.items()).extracting(AuditEntry::action).containsExactly("SignInFailed", "UserSignedIn");
        assertThat(page.items()).allSatisfy(entry -> assertThat(entry.subject()).isEqualTo("alice"));
        assertThat(mine.handle(new io.harbormaster.api.audit.FindOwnSignInsQuery(null, PageRequest.first())).items())
                .isEmpty();
    }

    @Test
    void anExportMatchingNothing_isTheHeaderOrAnEmptyArray() throws IOException {
        var export = new AuditExport(queries, json, 3, AuditExport.MAX_ROWS);
        var nothing = new AuditFilter(null, null, "NoSuchEvent", null, null);

        assertThat(export(export, ops, nothing, AuditExportFormat.CSV)).isEqualTo(AuditCsvWriter.HEADER + "\r\n");
        assertThat(export(export, ops, nothing, AuditExportFormat.JSON)).isEqualTo("[]");
    }

    @Test
    void check_namesTheTeam_andRefusesUnknownTeams() {
        var export = new AuditExport(queries, json, 3, AuditExport.MAX_ROWS);

        assertThat(export.check(qa, AuditFilter.any())).isEqualTo("qa");
        var stranger = TeamId.random();
        assertThatThrownBy(() -> export.check(stranger, AuditFilter.any()))
                .isInstanceOf(NotFoundException.class).hasMessage("No team with id " + stranger.value());
    }

    @Test
    void check_refusesMoreMatchesThanTheMaximum_butNotExactlyTheMaximum() throws IOException {
        int matching = allListPages(ops, AuditFilter.any()).size();

        assertThat(new AuditExport(queries, json, 3, matching).check(ops, AuditFilter.any())).isEqualTo("ops");
        assertThatThrownBy(() -> new AuditExport(queries, json, 3, matching - 1).check(ops, AuditFilter.any()))
                .isInstanceOf(AuditExport.TooManyEntriesException.class)
                .hasMessageContaining("More than " + (matching - 1) + " audit entries match")
                .hasMessageContaining("narrow the time range");
        // writing never goes past the maximum, even if entries arrived after the check
        var bounded = new AuditExport(queries, json, 3, 10);
        assertThat(bounded.write(ops, AuditFilter.any(), AuditExportFormat.CSV, new ByteArrayOutputStream()))
                .isEqualTo(10);
    }

    @Test
    void entriesRecordedDuringAnExport_neitherRepeatNorDisplaceOthers() {
        var before = allListPages(ops, AuditFilter.any());
        var firstChunk = queries.teamLogAfter(ops, AuditFilter.any(), null, 5);

        var machine = MachineId.random();
        on(aliceCli, machine.value(), 0, 60, new MachineCreated(machine, ops, MachineName.of("late"), "generic",
                DriverOptions.none(), alice));

        var exported = new ArrayList<>(firstChunk);
        var last = firstChunk.getLast();
        List<AuditEntry> chunk;
        do {
            chunk = queries.teamLogAfter(ops, AuditFilter.any(), last, 5);
            exported.addAll(chunk);
            last = chunk.isEmpty() ? last : chunk.getLast();
        } while (!chunk.isEmpty());

        assertThat(exported).isEqualTo(before);
        assertThat(new HashSet<>(exported)).hasSize(before.size());
    }
}

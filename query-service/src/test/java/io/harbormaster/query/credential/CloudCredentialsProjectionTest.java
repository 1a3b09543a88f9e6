package io.harbormaster.query.credential;

import static io.harbormaster.query.TestCallers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.credential.CloudCredentialRemoved;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.api.credential.CloudCredentialType;
import io.harbormaster.api.credential.CloudCredentialView;
import io.harbormaster.api.credential.FindCloudCredentialQuery;
import io.harbormaster.api.credential.FindCloudCredentialsQuery;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.user.UserId;
import io.harbormaster.query.team.TeamsProjection;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The credentials read model as a plain object on a real PostgreSQL: metadata only, and the machines using each. */
class CloudCredentialsProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(3600);
    static final CloudCredentialName PROD = CloudCredentialName.of("aws-prod");
    static final CloudCredentialName DEV = CloudCredentialName.of("aws-dev");

    final TeamId ops = TeamId.random();
    final UserId viewer = UserId.random();
    final Caller stranger = new Caller(UserId.random(), false);

    JdbcClient jdbc;
    CloudCredentialsProjection projection;
    CloudCredentialQueries queries;

    @BeforeEach
    void credentials() {
        jdbc = ReadModelDatabase.fresh();
        var teams = new TeamsProjection(jdbc);
        projection = new CloudCredentialsProjection(jdbc);
        queries = new CloudCredentialQueries(jdbc);
        TeamsProjectionAccess.create(teams, ops, viewer);
        projection.on(added(PROD, "MPLE", 1), 0, T0);
        projection.on(added(DEV, "DEV1", 1), 0, T0);
    }

    private CloudCredentialAdded added(CloudCredentialName name, String last4, long version) {
        return new CloudCredentialAdded(ops, name, CloudCredentialType.AWS, last4, null, "eu-central-1", version);
    }

    @Test
    void theListIsByName_withTheLastFourOfTheKeyId_andNoRotationYet() {
        assertThat(list(ADMIN)).containsExactly(
                new CloudCredentialView("aws-dev", CloudCredentialType.AWS, "DEV1", null, "eu-central-1", T0, null, 1,
                        List.of()),
                new CloudCredentialView("aws-prod", CloudCredentialType.AWS, "MPLE", null, "eu-central-1", T0, null,
                        1, List.of()));
    }

    @Test
    void anyoneInTheTeamSeesTheList_viewersToo_andOthersGetNothing() {
        assertThat(list(new Caller(viewer, false))).hasSize(2);
        assertThat(queries.handle(new FindCloudCredentialsQuery(ops, stranger))).isNull();
        assertThat(queries.handle(new FindCloudCredentialQuery(ops, PROD, stranger))).isNull();
        assertThat(queries.handle(new FindCloudCredentialsQuery(TeamId.random(), ADMIN))).isNull();
    }

    @Test
    void aRotationShowsTheNewKeyAndWhen_andARedeliveredAdditionDoesNotUndoIt() {
        projection.on(new CloudCredentialRotated(ops, PROD, CloudCredentialType.AWS, "NEW2",
                "arn:aws:iam::123456789012:role/hm", "us-east-2", 2), 1, T1);
        projection.on(added(PROD, "MPLE", 1), 0, T0);
        assertThat(queries.handle(new FindCloudCredentialQuery(ops, PROD, ADMIN))).isEqualTo(new CloudCredentialView(
                "aws-prod", CloudCredentialType.AWS, "NEW2", "arn:aws:iam::123456789012:role/hm", "us-east-2", T0, T1,
                2, List.of()));
    }

    @Test
    void theMachinesWhoseOptionNamesTheCredentialUseIt_inNaturalOrder() {
        machine(ops, "web-10", PROD);
        machine(ops, "web-2", PROD);
        machine(ops, "db-1", DEV);
        machine(TeamId.random(), "elsewhere", PROD);
        assertThat(queries.handle(new FindCloudCredentialQuery(ops, PROD, ADMIN)).machines())
                .containsExactly("web-2", "web-10");
        assertThat(queries.handle(new FindCloudCredentialQuery(ops, DEV, ADMIN)).machines()).containsExactly("db-1");
    }

    @Test
    void aRemovedCredentialIsGone_aRedeliveredAdditionDoesNotBringItBack_andAddingItAgainStartsAfresh() {
        projection.on(new CloudCredentialRemoved(ops, PROD, CloudCredentialType.AWS, 1), 1, T1);
        projection.on(added(PROD, "MPLE", 1), 0, T0);
        assertThat(list(ADMIN)).extracting(CloudCredentialView::name).containsExactly("aws-dev");
        assertThat(queries.handle(new FindCloudCredentialQuery(ops, PROD, ADMIN))).isNull();

        projection.on(added(PROD, "AGN3", 1), 2, T1.plusSeconds(5));
        assertThat(queries.handle(new FindCloudCredentialQuery(ops, PROD, ADMIN)))
                .extracting(CloudCredentialView::accessKeyIdLast4, CloudCredentialView::createdAt,
                        CloudCredentialView::rotatedAt)
                .containsExactly("AGN3", T1.plusSeconds(5), null);
    }

    @Test
    void aResetEmptiesTheTable() {
        projection.reset();
        assertThat(jdbc.sql("SELECT count(*) FROM rm_cloud_credential").query(Long.class).single()).isZero();
    }

    private List<CloudCredentialView> list(Caller caller) {
        return queries.handle(new FindCloudCredentialsQuery(ops, caller)).credentials();
    }

    /** A row of the machine list, as its projection writes it (its handlers are its package's own). */
    private void machine(TeamId team, String name, CloudCredentialName credential) {
        jdbc.sql("""
                INSERT INTO rm_machine (id, team_id, name, name_sort_key, driver, driver_options, state, created_at,
                                        updated_at, version)
                VALUES (:id, :team, :name, :sort, 'amazonec2', CAST(:options AS jsonb), 'Running', now(), now(), 0)""")
                .param("id", UUID.randomUUID()).param("team", UUID.fromString(team.value())).param("name", name)
                .param("sort", io.harbormaster.query.machine.NaturalSortKeyAccess.of(name))
                .param("options", "{\"amazonec2-credential\":\"" + credential.value() + "\"}")
                .update();
    }

    /** Creates a team with a viewer through the teams projection's own handlers. */
    static final class TeamsProjectionAccess {
        static void create(TeamsProjection teams, TeamId team, UserId viewer) {
            io.harbormaster.query.team.TeamsProjectionEvents.apply(teams, List.of(
                    new TeamCreated(team, TeamName.of("ops"), viewer), new MemberAdded(team, viewer, TeamRole.VIEWER)));
        }
    }
}

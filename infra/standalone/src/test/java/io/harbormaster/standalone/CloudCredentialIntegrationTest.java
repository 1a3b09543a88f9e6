package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.credential.CloudCredentialFields;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.driver.CloudCredential;
import io.harbormaster.driver.DriverContext;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A team credential's whole life on the real platform: added through the API and read back exactly as a driver reads
 * it ({@link DriverContext#cloudCredential}), listed with its metadata, rotated (the driver sees the new keys), refused
 * removal while a machine names it, removed (its keys gone from the secret store), with the audit log telling who did
 * what. Then a secret scan: no key appears in an event, a table, a log line or a problem detail.
 */
@ExtendWith(OutputCaptureExtension.class)
class CloudCredentialIntegrationTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String NEW_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLEsessionTOKENq1w2e3r4t5y6u7i8o9p0";
    private static final String REFUSED_SECRET = "refused secret with spaces 5f2e91";

    @Test
    void addReadRotateRefuseRemove_andNoKeyIsEverStoredShownOrLogged(CapturedOutput output) {
        try (var platform = RunningPlatform.startOnFreshDatabase()) {
            var admin = platform.admin();
            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            var driver = platform.bean(DriverContext.class);
            var credentials = "/api/teams/" + team + "/credentials";

            var added = admin.post(credentials, """
                    {"name":"aws-prod","type":"aws","accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"%s",
                     "region":"eu-central-1"}""".formatted(SECRET));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.location()).isEqualTo(credentials + "/aws-prod");
            assertThat(added.text("accessKeyIdLast4")).isEqualTo("MPLE");
            assertThat(added.json().path("version").asLong()).isEqualTo(1);
            assertThat(driver.cloudCredential(TeamId.of(team), "aws-prod")).contains(new CloudCredential("aws-prod",
                    Map.of("type", "aws", "access-key-id", "AKIAIOSFODNN7EXAMPLE", "secret-access-key", SECRET,
                            "region", "eu-central-1")));

            var listed = await(() -> admin.get(credentials), r -> r.json().path("credentials").size() == 1);
            var entry = listed.json().path("credentials").get(0);
            assertThat(entry.path("name").asString()).isEqualTo("aws-prod");
            assertThat(entry.path("type").asString()).isEqualTo("aws");
            assertThat(entry.path("accessKeyIdLast4").asString()).isEqualTo("MPLE");
            assertThat(entry.path("createdAt").isNull()).isFalse();
            assertThat(entry.path("rotatedAt").isNull()).isTrue();
            assertThat(entry.path("machines").size()).isZero();

            // the same name again, with a refused secret: neither answer quotes what was sent
            var again = admin.post(credentials, """
                    {"name":"aws-prod","type":"aws","accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"%s"}"""
                    .formatted(SECRET));
            assertThat(again.status()).isEqualTo(409);
            var refused = admin.post(credentials, """
                    {"name":"aws-dev","type":"aws","accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"%s"}"""
                    .formatted(REFUSED_SECRET));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("secretAccessKey");
            var unknownType = admin.post(credentials, """
                    {"name":"gcp-1","type":"gcp","accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"%s"}"""
                    .formatted(SECRET));
            assertThat(unknownType.status()).isEqualTo(400);
            assertThat(unknownType.text("detail")).contains("the supported credential types are aws");
            var problems = List.of(again.body(), refused.body(), unknownType.body());

            var rotated = admin.post(credentials + "/aws-prod/rotate", """
                    {"accessKeyId":"AKIAI44QH8DHBEXAMPL2","secretAccessKey":"%s","sessionToken":"%s",
                     "roleArn":"arn:aws:iam::123456789012:role/harbormaster"}""".formatted(NEW_SECRET, SESSION_TOKEN));
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            assertThat(rotated.json().path("version").asLong()).isEqualTo(2);
            var seen = driver.cloudCredential(TeamId.of(team), "aws-prod").orElseThrow();
            assertThat(seen.require(CloudCredentialFields.SECRET_ACCESS_KEY)).isEqualTo(NEW_SECRET);
            assertThat(seen.require(CloudCredentialFields.SESSION_TOKEN)).isEqualTo(SESSION_TOKEN);
            assertThat(seen.require(CloudCredentialFields.REGION)).isEqualTo("eu-central-1");
            assertThat(seen.require(CloudCredentialFields.ROLE_ARN)).isEqualTo("arn:aws:iam::123456789012:role/harbormaster");
            var detail = await(() -> admin.get(credentials + "/aws-prod"), r -> !r.json().path("rotatedAt").isNull());
            assertThat(detail.text("accessKeyIdLast4")).isEqualTo("MPL2");

            // a machine names the credential: no driver installed here accepts the option, so its creation is
            // appended to the event store as the command side would append it
            var machine = createMachineNaming(platform, team, "uses-prod", "aws-prod");
            await(() -> admin.get(credentials + "/aws-prod"), r -> r.json().path("machines").size() == 1);
            var inUse = admin.delete(credentials + "/aws-prod");
            assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
            assertThat(inUse.text("type")).isEqualTo("https://harbormaster.dev/problems/credential-in-use");
            assertThat(inUse.text("detail")).contains("used by machine uses-prod");
            assertThat(inUse.json().path("machines").get(0).asString()).isEqualTo("uses-prod");
            assertThat(driver.cloudCredential(TeamId.of(team), "aws-prod")).isPresent();

            assertThat(admin.delete("/api/machines/" + machine + "?force=true").status()).isEqualTo(202);
            await(() -> admin.get("/api/machines/" + machine), r -> r.status() == 404);
            var removed = admin.delete(credentials + "/aws-prod");
            assertThat(removed.status()).as(removed.body()).isEqualTo(204);
            assertThat(driver.cloudCredential(TeamId.of(team), "aws-prod")).isEmpty();
            await(() -> admin.get(credentials), r -> r.json().path("credentials").isEmpty());
            assertThat(admin.get(credentials + "/aws-prod").status()).isEqualTo(404);
            assertThat(admin.delete(credentials + "/aws-prod").status()).isEqualTo(404);

            var audit = await(() -> admin.get("/api/teams/" + team + "/audit?action=CloudCredentialRemoved"),
                    r -> r.json().path("items").size() == 1).json().path("items").get(0);
            assertThat(audit.path("summary").asString()).isEqualTo("cloud credential 'aws-prod' removed");
            assertThat(audit.path("actorName").asString()).isEqualTo("admin");
            var all = admin.get("/api/teams/" + team + "/audit?size=100").body();
            assertThat(all).contains("cloud credential 'aws-prod' added (aws, access key …MPLE, region eu-central-1)",
                    "cloud credential 'aws-prod' rotated (access key …MPL2");

            var secrets = List.of(SECRET, NEW_SECRET, SESSION_TOKEN, REFUSED_SECRET, SECRET.substring(8, 28),
                    NEW_SECRET.substring(8, 28));
            var stored = NoSecretLeaksIntegrationTest.everythingStoredExceptSecretTables(platform);
            var printed = output.getAll();
            for (var secret : secrets) {
                assertThat(stored).as("events and tables").doesNotContain(secret);
                assertThat(printed).as("log").doesNotContain(secret);
                assertThat(problems).as("problem details").noneMatch(body -> body.contains(secret));
            }
            assertThat(stored).contains("aws-prod", "MPLE", "MPL2");
        }
    }

    /** Appends a none machine's MachineCreated whose options name the credential, in a unit of work of its own. */
    private static String createMachineNaming(RunningPlatform platform, String team, String name, String credential) {
        var id = MachineId.random();
        var holder = UserId.of(platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                .query(String.class).single());
        var options = new DriverOptions(Map.of("url", "tcp://10.213.0.10:2376", CloudCredentialFields.MACHINE_OPTION,
                credential));
        var created = new MachineCreated(id, TeamId.of(team), MachineName.of(name), "none", options, holder);
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(platform.bean(TransactionManager.class));
        unitOfWork.execute(() -> platform.bean(EventStore.class).publish(new GenericDomainEventMessage<>("Machine",
                id.value(), 0, created, MetaData.with(AuditMetadata.ACTOR_ID, holder.value())
                        .and(AuditMetadata.ACTOR_NAME, "admin").and(AuditMetadata.CHANNEL, "system"))));
        return id.value();
    }
}

package io.harbormaster.command.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.credential.AddCloudCredentialCommand;
import io.harbormaster.api.credential.AwsKeys;
import io.harbormaster.api.credential.AwsSettings;
import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialFields;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.credential.CloudCredentialRemoved;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.api.credential.CloudCredentialType;
import io.harbormaster.api.credential.RemoveCloudCredentialCommand;
import io.harbormaster.api.credential.RotateCloudCredentialCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.secret.SecretStoreUnreachableException;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Team owners add, rotate and remove cloud credentials; the keys go to the secret store, never into an event. */
class CloudCredentialTest {

    private static final TeamId TEAM = TeamId.of("7c2e4d3f-0000-4000-8000-0000000000aa");
    private static final UserId OWNER = UserId.of("7c2e4d3f-0000-4000-8000-00000000a11c");
    private static final UserId MEMBER = UserId.of("7c2e4d3f-0000-4000-8000-000000000b0b");
    private static final UserId STRANGER = UserId.of("7c2e4d3f-0000-4000-8000-00000000ca01");
    private static final UserId ADMIN = UserId.of("7c2e4d3f-0000-4000-8000-00000000ad01");
    private static final CloudCredentialName PROD = CloudCredentialName.of("aws-prod");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String NEW_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final AwsKeys KEYS = new AwsKeys("AKIAIOSFODNN7EXAMPLE", SECRET, null);
    private static final AwsKeys NEW_KEYS = new AwsKeys("AKIAI44QH8DHBEXAMPL2", NEW_SECRET, "session-token-1");
    private static final AwsSettings SETTINGS = new AwsSettings("arn:aws:iam::123456789012:role/hm", "eu-central-1");

    private InMemoryLookups lookups;
    private InMemoryCredentialSecrets secrets;
    private AggregateTestFixture<CloudCredential> fixture;

    @BeforeEach
    void setUp() {
        lookups = new InMemoryLookups().withMember(TEAM, OWNER, TeamRole.OWNER).withMember(TEAM, MEMBER,
                TeamRole.MEMBER).withUser(STRANGER).withPlatformAdmin(ADMIN);
        secrets = new InMemoryCredentialSecrets();
        fixture = new AggregateTestFixture<>(CloudCredential.class);
        fixture.registerAnnotatedCommandHandler(new CloudCredentialHandler(fixture.getRepository(), lookups, lookups,
                lookups, secrets));
    }

    private static Map<String, Object> as(UserId user) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value());
    }

    private static AddCloudCredentialCommand add() {
        return new AddCloudCredentialCommand(TEAM, PROD, CloudCredentialType.AWS, KEYS, SETTINGS);
    }

    private static CloudCredentialAdded added() {
        return new CloudCredentialAdded(TEAM, PROD, CloudCredentialType.AWS, "MPLE", SETTINGS.roleArn(),
                SETTINGS.region(), 1);
    }

    @Test
    void givenNoCredential_whenTheOwnerAddsOne_thenItsKeysAreStored_andTheEventHoldsOnlyTheLastFourOfTheKeyId() {
        fixture.givenNoPriorActivity()
                .when(add(), as(OWNER))
                .expectEvents(added())
                .expectResultMessagePayload(added());
        assertThat(secrets.latest(TEAM, PROD)).isEqualTo(Map.of(
                CloudCredentialFields.TYPE, "aws",
                CloudCredentialFields.ACCESS_KEY_ID, "AKIAIOSFODNN7EXAMPLE",
                CloudCredentialFields.SECRET_ACCESS_KEY, SECRET,
                CloudCredentialFields.ROLE_ARN, SETTINGS.roleArn(),
                CloudCredentialFields.REGION, SETTINGS.region()));
    }

    @Test
    void givenNoCredential_whenAPlatformAdminOutsideTheTeamAddsOne_thenItIsAdded() {
        fixture.givenNoPriorActivity()
                .when(add(), as(ADMIN))
                .expectEvents(added());
    }

    @Test
    void givenNoCredential_whenAMemberAddsOne_thenForbidden_namingTheOwnerRole_andNothingIsStored() {
        fixture.givenNoPriorActivity()
                .when(add(), as(MEMBER))
                .expectNoEvents()
                .expectException(ForbiddenException.class)
                .expectExceptionMessage(containsString("OWNER role"));
        assertThat(secrets.latest(TEAM, PROD)).isNull();
    }

    @Test
    void givenACredential_whenSomeoneOutsideTheTeamRotatesIt_thenTheAnswerIsThatOfAnUnknownTeam() {
        fixture.given(added())
                .when(new RotateCloudCredentialCommand(TEAM, PROD, NEW_KEYS, null), as(STRANGER))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage("No team with id " + TEAM + " was found. Check the id, or reload the list.");
    }

    @Test
    void givenACredential_whenAddedAgainUnderItsName_thenConflict() {
        fixture.given(added())
                .when(add(), as(OWNER))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("already has a cloud credential named 'aws-prod'"));
    }

    @Test
    void givenARemovedCredential_whenAddedAgainUnderItsName_thenItIsAddedAfresh() {
        fixture.given(added(), new CloudCredentialRemoved(TEAM, PROD, CloudCredentialType.AWS, 1))
                .when(add(), as(OWNER))
                .expectEvents(added());
    }

    @Test
    void givenACredential_whenRotated_thenTheNewKeysAreTheNextVersion_andTheRoleAndRegionStay() {
        secrets.write(TEAM, PROD, Map.of("type", "aws"));
        var rotated = new CloudCredentialRotated(TEAM, PROD, CloudCredentialType.AWS, "MPL2", SETTINGS.roleArn(),
                SETTINGS.region(), 2);
        fixture.given(added())
                .when(new RotateCloudCredentialCommand(TEAM, PROD, NEW_KEYS, null), as(OWNER))
                .expectEvents(rotated)
                .expectResultMessagePayload(rotated);
        assertThat(secrets.latest(TEAM, PROD))
                .containsEntry(CloudCredentialFields.SECRET_ACCESS_KEY, NEW_SECRET)
                .containsEntry(CloudCredentialFields.SESSION_TOKEN, "session-token-1")
                .containsEntry(CloudCredentialFields.REGION, "eu-central-1");
    }

    @Test
    void givenACredential_whenRotatedWithAnotherRegion_thenTheRegionChanges() {
        fixture.given(added())
                .when(new RotateCloudCredentialCommand(TEAM, PROD, NEW_KEYS, new AwsSettings(null, "us-east-2")),
                        as(OWNER))
                .expectEvents(new CloudCredentialRotated(TEAM, PROD, CloudCredentialType.AWS, "MPL2",
                        SETTINGS.roleArn(), "us-east-2", 1));
    }

    @Test
    void givenNoCredential_whenRotated_thenNotFound_namingTheTeam() {
        fixture.givenNoPriorActivity()
                .when(new RotateCloudCredentialCommand(TEAM, PROD, NEW_KEYS, null), as(OWNER))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString("has no cloud credential named 'aws-prod'"));
    }

    @Test
    void givenARemovedCredential_whenRotated_thenNotFound() {
        fixture.given(added(), new CloudCredentialRemoved(TEAM, PROD, CloudCredentialType.AWS, 1))
                .when(new RotateCloudCredentialCommand(TEAM, PROD, NEW_KEYS, null), as(OWNER))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void givenACredentialNoMachineUses_whenRemoved_thenItsKeysAreDestroyed() {
        secrets.write(TEAM, PROD, Map.of("type", "aws"));
        fixture.given(added())
                .when(new RemoveCloudCredentialCommand(TEAM, PROD), as(OWNER))
                .expectEvents(new CloudCredentialRemoved(TEAM, PROD, CloudCredentialType.AWS, 1));
        assertThat(secrets.latest(TEAM, PROD)).isNull();
    }

    @Test
    void givenMachinesUsingTheCredential_whenRemoved_thenConflict_namingThem_andTheKeysStay() {
        secrets.write(TEAM, PROD, Map.of("type", "aws"));
        machine("web-2", "aws-prod");
        machine("web-10", "aws-prod");
        machine("other", "aws-dev");
        fixture.given(added())
                .when(new RemoveCloudCredentialCommand(TEAM, PROD), as(OWNER))
                .expectNoEvents()
                .expectException(CloudCredentialInUseException.class)
                .expectExceptionMessage(allOf(containsString("used by machines web-10, web-2"),
                        not(containsString("other"))));
        assertThat(secrets.latest(TEAM, PROD)).isNotNull();
    }

    @Test
    void givenACredential_whenTheSecretStoreIsUnreachable_thenTheRotationIsRefused_withNothingRecorded() {
        secrets.failWith(new SecretStoreUnreachableException("The secret store did not answer.", null));
        fixture.given(added())
                .when(new RotateCloudCredentialCommand(TEAM, PROD, NEW_KEYS, null), as(OWNER))
                .expectNoEvents()
                .expectException(SecretStoreUnreachableException.class);
    }

    @Test
    void theKeysNeverShowInACommandsText() {
        var text = new AddCloudCredentialCommand(TEAM, PROD, CloudCredentialType.AWS, NEW_KEYS, SETTINGS).toString();
        assertThat(text).doesNotContain(NEW_SECRET).doesNotContain("session-token-1").contains("MPL2");
    }

    private void machine(String name, String credential) {
        lookups.withMachine(new MachineRecord(MachineId.random(), TEAM, MachineName.of(name), "amazonec2",
                new DriverOptions(Map.of(CloudCredentialFields.MACHINE_OPTION, credential)), null));
    }
}

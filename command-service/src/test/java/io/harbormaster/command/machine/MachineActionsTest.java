package io.harbormaster.command.machine;

import static io.harbormaster.api.machine.MachineActions.Action.HAND_OFF;
import static io.harbormaster.api.machine.MachineActions.Action.KILL;
import static io.harbormaster.api.machine.MachineActions.Action.REGENERATE_CERTS;
import static io.harbormaster.api.machine.MachineActions.Action.REMOVE;
import static io.harbormaster.api.machine.MachineActions.Action.RESTART;
import static io.harbormaster.api.machine.MachineActions.Action.ROTATE_CA;
import static io.harbormaster.api.machine.MachineActions.Action.SHARE;
import static io.harbormaster.api.machine.MachineActions.Action.START;
import static io.harbormaster.api.machine.MachineActions.Action.STOP;
import static io.harbormaster.api.machine.MachineActions.Action.UNSHARE;
import static io.harbormaster.api.machine.MachineActions.Action.USE;
import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.VIC;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.DescribeMachineActionsCommand;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.driver.none.NoneDriver;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the portal may offer a user on a machine is decided by the machine itself, by the rules its actions follow:
 * rights (owner and holder manage, members operate and use, viewers only look), the driver and the state.
 */
class MachineActionsTest {

    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = MachineGivens.fixture(MachineGivens.lookups());
    }

    private EnumSet<MachineActions.Action> actions(List<Object> given, UserId user) {
        var answer = new AtomicReference<MachineActions>();
        fixture.given(given)
                .when(new DescribeMachineActionsCommand(MACHINE), Map.of(AuditMetadata.ACTOR_ID, user.value()))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.predicate(payload -> {
                    answer.set((MachineActions) payload);
                    return true;
                }));
        return answer.get().allowed().isEmpty() ? EnumSet.noneOf(MachineActions.Action.class)
                : EnumSet.copyOf(answer.get().allowed());
    }

    @Test
    void theOwnerAndHolderOfARunningMachine_mayStopAndManageIt_butNotStartItAgain() {
        var alice = actions(MachineGivens.RUNNING.events(), ALICE);

        assertThat(alice).contains(STOP, RESTART, KILL, REGENERATE_CERTS, ROTATE_CA, REMOVE, HAND_OFF, SHARE, UNSHARE,
                USE).doesNotContain(START);
    }

    @Test
    void aMember_operatesAndUses_butDoesNotRemoveHandOffShareOrRotateTheCa() {
        var bob = actions(MachineGivens.RUNNING.events(), BOB);

        assertThat(bob).contains(STOP, RESTART, KILL, REGENERATE_CERTS, USE)
                .doesNotContain(REMOVE, HAND_OFF, SHARE, UNSHARE, ROTATE_CA, START);
    }

    @Test
    void aViewer_isOfferedNothing() {
        assertThat(actions(MachineGivens.RUNNING.events(), VIC)).isEmpty();
    }

    @Test
    void aStoppedMachine_offersStartAndRestart_notStopOrKill() {
        var alice = actions(MachineGivens.STOPPED.events(), ALICE);

        assertThat(alice).contains(START, RESTART, REMOVE).doesNotContain(STOP, KILL);
    }

    @Test
    void aMachineBeingRemoved_offersNoLifecycleAction() {
        assertThat(actions(MachineGivens.REMOVING.events(), ALICE)).doesNotContain(START, STOP, RESTART, KILL, HAND_OFF);
    }

    @Test
    void aNoneMachine_isNeverOfferedProvisioningOrAnUpgrade() {
        var alice = actions(MachineGivens.RUNNING.events(NoneDriver.NAME), ALICE);

        assertThat(alice).doesNotContain(MachineActions.Action.PROVISION, MachineActions.Action.UPGRADE);
    }

    @Test
    void aStranger_isAnsweredLikeAnUnknownMachine() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new DescribeMachineActionsCommand(MACHINE), Map.of(AuditMetadata.ACTOR_ID, CAROL.value()))
                .expectNoEvents()
                .expectException(NotVisibleException.class);
    }
}

package io.harbormaster.command.machine;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.command.machine.ResolveDockerEndpointCommand;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.BOB;
import static io.harbormaster.command.machine.MachineGivens.Ids.CAROL;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.KillMachineCommand;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineShared;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineUnshared;
import io.harbormaster.command.machine.ObserveMachineStateCommand;
import io.harbormaster.api.machine.RemoveMachineCommand;
import io.harbormaster.api.machine.RestartMachineCommand;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.machine.StartMachineCommand;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action of a machine in every state, as a grid written independently of {@link MachineTransitions}:
 * {@code A} records the action's event, {@code =} is idempotent (no event, no error), {@code X} is refused with a
 * conflict that names the state. Each cell runs through the real aggregate in a fixture.
 */
class MachineTransitionMatrixTest {

    private static final String GRID = """
            action       CREATING PROVISIONING RUNNING STARTING_FOR_START STARTING_FOR_RESTART STOPPING_FOR_STOP STOPPING_FOR_KILL STOPPED PAUSED ERROR NEVER_CREATED TIMEOUT UNKNOWN REMOVING REMOVED
            START        X        X            =       =                  X                    X                 X                 A       A      A     X             A       A       X        X
            STOP         X        X            A       X                  X                    =                 =                 =       A      A     X             A       A       X        X
            RESTART      X        X            A       X                  =                    X                 X                 A       A      A     X             A       A       X        X
            KILL         X        X            A       X                  X                    X                 =                 =       A      A     X             A       A       X        X
            REMOVE       X        X            A       X                  X                    X                 X                 A       A      A     A             A       A       =        X
            FORCE_REMOVE A        A            A       A                  A                    A                 A                 A       A      A     A             A       A       =        X
            HAND_OFF     A        A            A       A                  A                    A                 A                 A       A      A     A             A       A       X        X
            SHARE        A        A            A       A                  A                    A                 A                 A       A      A     A             A       A       X        X
            UNSHARE      A        A            A       A                  A                    A                 A                 A       A      A     A             A       A       X        X
            OBSERVE      =        =            A       =                  =                    =                 =                 A       A      A     A             A       A       =        X
            REGENERATE_CERTS X    X            A       A                  A                    A                 A                 A       A      A     X             A       A       X        X
            USE          X        X            =       =                  =                    =                 =                 =       =      =     X             =       =       X        X
            """;

    static Stream<Arguments> cells() {
        var lines = GRID.strip().lines().toList();
        var states = Arrays.stream(lines.getFirst().trim().split("\\s+")).skip(1).map(MachineGivens::valueOf).toList();
        var cells = new ArrayList<Arguments>();
        for (var line : lines.subList(1, lines.size())) {
            var columns = line.trim().split("\\s+");
            var action = MachineAction.valueOf(columns[0]);
            for (int i = 0; i < states.size(); i++) {
                cells.add(Arguments.of(states.get(i), action, columns[i + 1]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "given {0}, when {1}, then {2}")
    @MethodSource("cells")
    void everyActionInEveryStateDoesWhatTheGridSays(MachineGivens given, MachineAction action, String outcome) {
        var events = given.events();
        if (action == MachineAction.UNSHARE) {
            events.add(new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.VIEWER));
        }
        var result = MachineGivens.fixture(MachineGivens.lookups()).given(events).when(command(action, given.state));
        switch (outcome) {
            case "A" -> {
                if (action == MachineAction.REGENERATE_CERTS) {
                    // the certificate process makes the material: the grid fixes the request, a first CA
                    result.expectSuccessfulHandlerExecution().expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof CertsRenewalRequested c && c.reason().equals("requested")
                                    && c.rotateCa() && c.current() == null), andNoMore())));
                } else {
                    result.expectSuccessfulHandlerExecution().expectEvents(event(action, given.state));
                }
            }
            case "=" -> result.expectSuccessfulHandlerExecution().expectNoEvents();
            case "X" -> result.expectNoEvents().expectException(MachineConflictException.class)
                    .expectExceptionMessage(containsString(given == MachineGivens.REMOVED ? "was removed"
                            : given == MachineGivens.NEVER_CREATED ? "never created" : "it is " + given.state));
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        }
    }

    @Test
    void theTransitionTableHasAnAnswerForEveryActionInEveryState() {
        for (var action : MachineAction.values()) {
            for (var state : MachineState.values()) {
                for (var provisioned : new boolean[] {true, false}) {
                    assertThat(MachineTransitions.decide(action, state, null, provisioned))
                            .as("%s in %s", action, state).isNotNull();
                }
            }
        }
    }

    private static Object command(MachineAction action, MachineState state) {
        return switch (action) {
            case START -> new StartMachineCommand(MACHINE, null);
            case STOP -> new StopMachineCommand(MACHINE, null);
            case RESTART -> new RestartMachineCommand(MACHINE, null);
            case KILL -> new KillMachineCommand(MACHINE, null);
            case REMOVE -> new RemoveMachineCommand(MACHINE, false, null);
            case FORCE_REMOVE -> new RemoveMachineCommand(MACHINE, true, null);
            case HAND_OFF -> new HandOffMachineCommand(MACHINE, BOB, true, null);
            case SHARE -> new ShareMachineCommand(MACHINE, Grantee.user(CAROL), ShareRole.MEMBER);
            case UNSHARE -> new UnshareMachineCommand(MACHINE, Grantee.user(CAROL));
            case OBSERVE -> new ObserveMachineStateCommand(MACHINE, observedIn(state));
            case REGENERATE_CERTS -> new RegenerateCertsCommand(MACHINE, false, null);
            case USE -> new ResolveDockerEndpointCommand(MACHINE);
            // the grid's fake driver does not provision: MachineProvisionTest covers these actions
            // the grid's fake driver does not reach hosts over SSH: MachineHostKeyTest covers pinning
            // and neither signs SSH certificates: MachineSshCertificatesTest covers them
            case PROVISION, UPGRADE, PIN_HOST_KEY, SSH -> throw new IllegalArgumentException(action + " is not in the grid");
        };
    }

    private static Object event(MachineAction action, MachineState state) {
        return switch (action) {
            case START -> new MachineStartRequested(MACHINE);
            case STOP -> new MachineStopRequested(MACHINE);
            case RESTART -> new MachineRestartRequested(MACHINE);
            case KILL -> new MachineKillRequested(MACHINE);
            case REMOVE -> new MachineRemovalRequested(MACHINE, false);
            case FORCE_REMOVE -> new MachineRemovalRequested(MACHINE, true);
            case HAND_OFF -> new MachineHandedOff(MACHINE, ALICE, BOB, true);
            case SHARE -> new MachineShared(MACHINE, Grantee.user(CAROL), ShareRole.MEMBER);
            case UNSHARE -> new MachineUnshared(MACHINE, Grantee.user(CAROL));
            case OBSERVE -> new MachineStateObserved(MACHINE, state, observedIn(state));
            case REGENERATE_CERTS, USE, PROVISION, UPGRADE, PIN_HOST_KEY, SSH ->
                    throw new IllegalArgumentException(action + " is checked by kind");
        };
    }

    /** A state different from the machine's, so an accepted observation records an event. */
    private static MachineState observedIn(MachineState state) {
        return state == MachineState.Running ? MachineState.Stopped : MachineState.Running;
    }
}

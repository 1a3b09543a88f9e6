package io.harbormaster.command.machine;

import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;

import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.OperationResumed;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.driver.none.NoneDriver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the reconciler observes becomes the machine's state with the reason: a change of state or of what does not
 * answer is recorded once, the same problem seen later is not; a machine a user stopped on a driver whose stop leaves
 * the host running stays Stopped; resumed work is recorded.
 */
class MachineObservationTest {

    private static final String HOST_DOWN = "host 10.213.0.7:22 unreachable";
    private static final String ENGINE_DOWN = "Docker Engine not answering on tcp://10.213.0.7:2376";
    private static final Instant FIRST_SEEN = Instant.parse("2026-12-06T12:04:05Z");

    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = MachineGivens.fixture(MachineGivens.lookups());
    }

    @Test
    void givenRunning_whenTheHostDoesNotAnswer_thenErrorWithWhatAndSinceWhen() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Error, HOST_DOWN, FIRST_SEEN))
                .expectEvents(new MachineStateObserved(MACHINE, MachineState.Running, MachineState.Error, HOST_DOWN,
                        FIRST_SEEN));
    }

    @Test
    void givenErrorWithAProblem_whenTheSameProblemIsSeenLater_thenNothingNew() {
        fixture.given(withObserved(MachineGivens.RUNNING.events(), MachineState.Running, HOST_DOWN))
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Error, HOST_DOWN,
                        FIRST_SEEN.plusSeconds(3600)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenHostDown_whenTheHostAnswersButTheEngineDoesNot_thenTheNewReasonIsRecorded() {
        fixture.given(withObserved(MachineGivens.RUNNING.events(), MachineState.Running, HOST_DOWN))
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Error, ENGINE_DOWN, FIRST_SEEN))
                .expectEvents(new MachineStateObserved(MACHINE, MachineState.Error, MachineState.Error, ENGINE_DOWN,
                        FIRST_SEEN));
    }

    @Test
    void givenEngineDown_whenItAnswersAgain_thenRunningWithoutReason() {
        fixture.given(withObserved(MachineGivens.RUNNING.events(), MachineState.Running, ENGINE_DOWN))
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Running, null, null))
                .expectEvents(new MachineStateObserved(MACHINE, MachineState.Error, MachineState.Running, null,
                        null));
    }

    @Test
    void givenAnErrorRecordedWithoutReason_whenTheReasonIsObserved_thenItIsRecorded() {
        fixture.given(MachineGivens.ERROR.events(NoneDriver.NAME))
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Error,
                        "Docker daemon not answering on tcp://10.0.0.5:2376", FIRST_SEEN))
                .expectEvents(new MachineStateObserved(MACHINE, MachineState.Error, MachineState.Error,
                        "Docker daemon not answering on tcp://10.0.0.5:2376", FIRST_SEEN));
    }

    @Test
    void aRunningMachineHasNoProblemToRecord() {
        fixture.given(MachineGivens.RUNNING.events())
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Running, "stray text", FIRST_SEEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenANoneMachineAUserStopped_whenItsDaemonAnswers_thenItStaysStopped() {
        fixture.given(MachineGivens.STOPPED.events(NoneDriver.NAME))
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Running))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenANoneMachineAUserStopped_whenItsDaemonDoesNotAnswer_thenItStaysStoppedToo() {
        fixture.given(MachineGivens.STOPPED.events(NoneDriver.NAME))
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Error, "Docker daemon not answering",
                        FIRST_SEEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAStoppedMachineOfADriverThatStopsItsHost_whenObservedRunning_thenRunning() {
        fixture.given(MachineGivens.STOPPED.events())
                .when(new ObserveMachineStateCommand(MACHINE, MachineState.Running))
                .expectEvents(new MachineStateObserved(MACHINE, MachineState.Stopped, MachineState.Running));
    }

    @Test
    void aResumedOperationIsRecorded() {
        fixture.given(MachineGivens.CREATING.events())
                .when(new RecordResumptionCommand(MACHINE, "CREATE"))
                .expectEvents(new OperationResumed(MACHINE, "CREATE"));
    }

    @Test
    void noResumptionIsRecordedOnARemovedMachine() {
        fixture.given(MachineGivens.REMOVED.events())
                .when(new RecordResumptionCommand(MACHINE, "REMOVE"))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    private static List<Object> withObserved(List<Object> events, MachineState previous, String problem) {
        var all = new ArrayList<>(events);
        all.add(new MachineStateObserved(MACHINE, previous, MachineState.Error, problem, FIRST_SEEN));
        return all;
    }
}

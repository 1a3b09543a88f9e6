package io.harbormaster.testing.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.InvalidDriverOptionsException;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MachineDriver} promises, run by each driver's tests: found by its name through ServiceLoader,
 * options checked with the bad one named, create answering a daemon URL (again the same when repeated), state and
 * addresses, every supported operation safe to repeat, every other one refused with the driver's advice. Subclasses
 * supply the driver, initialized as the platform would, and machines whose host answers and does not.
 */
public abstract class DriverContract {

    /** Options with one bad option, and that option's name as the refusal must give it. */
    public record BadOption(DriverOptions options, String option) {
    }

    /** The driver under test, initialized (with a {@link StubDriverContext} or the like). */
    protected abstract MachineDriver driver();

    /** Options of a machine whose host answers now. */
    protected abstract DriverOptions reachableOptions();

    /** Options of a machine whose host does not answer. */
    protected abstract DriverOptions unreachableOptions();

    /** What {@link MachineDriver#state} says of a host that does not answer. */
    protected abstract MachineState unreachableState();

    /** An address {@link MachineDriver#addresses} must give for the reachable machine. */
    protected abstract String reachableAddress();

    /** Options the driver must refuse, naming the bad one. */
    protected abstract BadOption badOption();

    /** A machine with {@code options} as the platform hands it to a driver after creation. */
    protected MachineRef machine(DriverOptions options) {
        return new MachineRef(MachineId.random(), MachineName.of("contract-1"), options, null);
    }

    @Test
    void isFoundThroughServiceLoaderByItsName() {
        var found = ServiceLoader.load(MachineDriver.class).stream()
                .filter(provider -> provider.type().equals(driver().getClass()))
                .map(ServiceLoader.Provider::get)
                .toList();
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().name()).isEqualTo(driver().name()).isNotBlank();
    }

    @Test
    void validOptionsAreAccepted() {
        assertThatCode(() -> driver().validate(reachableOptions())).doesNotThrowAnyException();
    }

    @Test
    void aBadOptionIsRefusedByName() {
        var bad = badOption();
        assertThatThrownBy(() -> driver().validate(bad.options()))
                .isInstanceOf(InvalidDriverOptionsException.class)
                .satisfies(e -> assertThat(((InvalidDriverOptionsException) e).option()).isEqualTo(bad.option()))
                .satisfies(e -> assertThat(e.getMessage()).contains(bad.option()));
    }

    @Test
    void createAnswersADaemonUrlAndTheSameWhenRepeated() {
        var spec = new MachineSpec(MachineId.random(), TeamId.random(), MachineName.of("contract-1"),
                reachableOptions());

        var first = driver().create(spec);

        assertThat(first).isInstanceOfSatisfying(CreateResult.Created.class,
                created -> assertThat(created.dockerUrl()).startsWith("tcp://"));
        assertThat(driver().create(spec)).isEqualTo(first);
    }

    @Test
    void createWithBadOptionsFailsWithTheReason() {
        var spec = new MachineSpec(MachineId.random(), TeamId.random(), MachineName.of("contract-1"),
                badOption().options());

        assertThat(driver().create(spec)).isInstanceOfSatisfying(CreateResult.Failed.class,
                failed -> assertThat(failed.reason()).contains(badOption().option()));
    }

    @Test
    void theStateIsRunningWhileTheHostAnswers() {
        assertThat(driver().state(machine(reachableOptions())).state()).isEqualTo(MachineState.Running);
        assertThat(driver().state(machine(reachableOptions())).problem()).isNull();
        var unreachable = driver().state(machine(unreachableOptions()));
        assertThat(unreachable.state()).isEqualTo(unreachableState());
        assertThat(unreachable.problem()).as("what did not answer, for the history").isNotBlank();
    }

    @Test
    void theAddressesNameTheHost() {
        assertThat(driver().addresses(machine(reachableOptions()))).contains(reachableAddress());
    }

    @Test
    void everySupportedOperationSucceedsAndMayBeRepeated() {
        var machine = machine(reachableOptions());
        for (var operation : LifecycleOperation.values()) {
            if (driver().capabilities().supports(operation)) {
                assertThatCode(() -> perform(operation, machine)).as(operation.name()).doesNotThrowAnyException();
                assertThatCode(() -> perform(operation, machine)).as(operation + " again")
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyOtherOperationIsRefusedWithTheDriversAdvice() {
        var machine = machine(reachableOptions());
        var capabilities = driver().capabilities();
        for (var operation : LifecycleOperation.values()) {
            if (!capabilities.supports(operation)) {
                assertThatThrownBy(() -> perform(operation, machine)).as(operation.name())
                        .isInstanceOf(DriverException.class)
                        .hasMessage(capabilities.refusal(driver().name(), operation))
                        .hasMessageContaining(capabilities.whyNot());
            }
        }
    }

    @Test
    void removeSucceedsAndMayBeRepeated() {
        var machine = machine(reachableOptions());
        assertThatCode(() -> driver().remove(machine)).doesNotThrowAnyException();
        assertThatCode(() -> driver().remove(machine)).doesNotThrowAnyException();
    }

    @Test
    void aDriverThatProvisionsGivesAnSshTarget() {
        var target = driver().sshTarget(machine(reachableOptions()));
        if (driver().provisions()) {
            assertThat(target).isPresent();
        }
    }

    private void perform(LifecycleOperation operation, MachineRef machine) {
        switch (operation) {
            case START -> driver().start(machine);
            case STOP -> driver().stop(machine);
            case RESTART -> driver().restart(machine);
            case KILL -> driver().kill(machine);
        }
    }
}

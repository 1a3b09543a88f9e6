package io.harbormaster.query.machine;

import static io.harbormaster.query.TestCallers.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachineQuery;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.query.testing.ReadModelDatabase;
import io.harbormaster.query.web.Queries;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query handlers behind Axon's real query bus, as the controllers reach them: a missing machine comes back as
 * null, and a refusal comes back as the handler's IllegalArgumentException, not buried in Axon's wrappers.
 */
class MachineQueryBusTest {

    QueryGateway gateway;

    @BeforeEach
    void bus() {
        var bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new MachineQueries(ReadModelDatabase.fresh())).subscribe(bus);
        gateway = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @Test
    void aMissingMachine_answersNull() {
        assertThat(Queries.ask(gateway, new FindMachineQuery(MachineId.random(), ADMIN), MachineDetail.class)).isNull();
    }

    @Test
    void anEmptyList_answersAnEmptyPage() {
        var page = Queries.ask(gateway, new FindMachinesQuery(MachineFilter.any(), PageRequest.first(), ADMIN),
                MachinePage.class);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    @Test
    void aRefusal_arrivesAsIllegalArgument() {
        var query = new FindMachinesQuery(new MachineFilter(null, null, null, null, "a\\p{L}"), PageRequest.first(), ADMIN);

        assertThatThrownBy(() -> Queries.ask(gateway, query, MachinePage.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL regular expression");
    }
}

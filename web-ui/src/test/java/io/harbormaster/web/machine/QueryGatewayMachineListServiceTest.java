package io.harbormaster.web.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserList;
import io.harbormaster.api.user.UserSummary;
import java.time.Instant;
import java.util.Optional;
import static org.mockito.Mockito.verifyNoInteractions;
import org.mockito.ArgumentCaptor;

class QueryGatewayMachineListServiceTest {

    private final QueryGateway gateway = mock(QueryGateway.class);
    private static final UserId ALICE = UserId.of("5a1e0000-0000-4000-8000-00000000a11c");
    private final MachineListService service = new QueryGatewayMachineListService(gateway, () -> Optional.of("alice"));

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aliceIsSignedIn() {
        var users = new UserList(List.of(
                new UserSummary(UserId.random(), "admin", "Admin", true, Instant.EPOCH),
                new UserSummary(ALICE, "alice", "Alice", false, Instant.EPOCH)));
        when(gateway.query(any(FindUsersQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(users));
    }

    @Test
    @SuppressWarnings("unchecked")
    void asksTheQueryBusForOnePageOfMachines() {
        var page = new MachinePage(List.of(Machines.machine("web-1")), 2, 50, 101);
        when(gateway.query(any(FindMachinesQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(page));
        var filter = NameFilter.containing("web");

        assertThat(service.find(filter, new PageRequest(2, 50))).isEqualTo(page);

        var query = ArgumentCaptor.forClass(FindMachinesQuery.class);
        var responseType = ArgumentCaptor.forClass(ResponseType.class);
        verify(gateway).query(query.capture(), responseType.capture());
        assertThat(query.getValue()).isEqualTo(new FindMachinesQuery(filter, new PageRequest(2, 50),
                new Caller(ALICE, false)));
        assertThat(responseType.getValue().getExpectedResponseType()).isEqualTo(MachinePage.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailingQueryHandlerSurfacesWithItsOwnException() {
        when(gateway.query(any(FindMachinesQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("read model unavailable")));

        assertThatThrownBy(() -> service.find(MachineFilter.any(), PageRequest.first()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("read model unavailable");
    }

    @Test
    void nobodySignedIn_seesNoMachinesWithoutAsking() {
        var anonymous = new QueryGatewayMachineListService(gateway, Optional::empty);

        assertThat(anonymous.find(MachineFilter.any(), PageRequest.first()).total()).isZero();
        verifyNoInteractions(gateway);
    }
}

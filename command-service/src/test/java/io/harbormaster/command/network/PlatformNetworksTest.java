package io.harbormaster.command.network;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.network.NetworksChanged;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.refusal.ForbiddenException;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changing where the platform may connect: platform admins only, entries checked, each change one event. */
class PlatformNetworksTest {

    private static final UserId ADMIN = UserId.of("6b1d3c2e-0000-4000-8000-0000000ad111");
    private static final UserId ALICE = UserId.of("6b1d3c2e-0000-4000-8000-0000000a11ce");

    private AggregateTestFixture<PlatformNetworks> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlatformNetworks.class);
        fixture.registerInjectableResource(new InMemoryLookups().withPlatformAdmin(ADMIN));
    }

    private static Map<String, String> as(UserId user) {
        return Map.of(AuditMetadata.ACTOR_ID, user.value());
    }

    @Test
    void anAdminSetsTheLists_inCanonicalForm() {
        fixture.givenNoPriorActivity()
                .when(new ChangeNetworksCommand(List.of("10.213.0.9/16", "169.254.169.254"), List.of()), as(ADMIN))
                .expectEvents(new NetworksChanged(List.of("10.213.0.0/16", "169.254.169.254/32"), List.of()));
    }

    @Test
    void settingTheSameListsAgain_recordsNothing() {
        fixture.given(new NetworksChanged(List.of("10.0.0.0/8"), List.of("10.1.0.0/16")))
                .when(new ChangeNetworksCommand(List.of("10.0.0.0/8"), List.of("10.1.0.0/16")), as(ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someoneElse_isForbidden() {
        fixture.givenNoPriorActivity()
                .when(new ChangeNetworksCommand(List.of("0.0.0.0/0"), List.of()), as(ALICE))
                .expectNoEvents()
                .expectException(ForbiddenException.class);
    }

    @Test
    void aBadEntry_isRefusedNamingIt() {
        fixture.givenNoPriorActivity()
                .when(new ChangeNetworksCommand(List.of("10.0.0.0/8"), List.of("nope")), as(ADMIN))
                .expectNoEvents()
                .expectException(InvalidNetworkException.class)
                .expectExceptionMessage("deny[0] 'nope' is not a network in CIDR notation such as 10.0.0.0/8 or "
                        + "fe80::/10 (host names are not allowed here)");
    }
}

package io.harbormaster.command.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.command.machine.MachineAccessRules.Decision;
import io.harbormaster.command.machine.MachineAccessRules.Right;
import io.harbormaster.command.machine.MachineAccessRules.Standing;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every standing against every right: the table of docs/security.md, "Who may do what". */
class MachineAccessRulesTest {

    private static final Decision A = Decision.ALLOW;
    private static final Decision F = Decision.FORBIDDEN;
    private static final Decision N = Decision.NOT_FOUND;

    static Stream<Arguments> table() {
        return Stream.of(
                //                                                            SEE OPERATE MANAGE CREATE
                row("platform admin", new Standing(true, null, false, null), A, A, A, A),
                row("team owner", new Standing(false, TeamRole.OWNER, false, null), A, A, A, A),
                row("team member", new Standing(false, TeamRole.MEMBER, false, null), A, A, F, A),
                row("team viewer", new Standing(false, TeamRole.VIEWER, false, null), A, F, F, F),
                row("holder (member)", new Standing(false, TeamRole.MEMBER, true, null), A, A, A, A),
                row("holder (no role left)", new Standing(false, null, true, null), A, A, A, N),
                row("viewer share", new Standing(false, null, false, ShareRole.VIEWER), A, F, F, N),
                row("member share", new Standing(false, null, false, ShareRole.MEMBER), A, A, F, N),
                row("team viewer with member share", new Standing(false, TeamRole.VIEWER, false, ShareRole.MEMBER),
                        A, A, F, F),
                row("stranger", new Standing(false, null, false, null), N, N, N, N));
    }

    private static Arguments row(String who, Standing standing, Decision see, Decision operate, Decision manage,
                                 Decision create) {
        return Arguments.of(who, standing, see, operate, manage, create);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesEveryRight(String who, Standing standing, Decision see, Decision operate, Decision manage,
                           Decision create) {
        assertEquals(see, MachineAccessRules.decide(Right.SEE, standing), who + ": see");
        assertEquals(operate, MachineAccessRules.decide(Right.OPERATE, standing), who + ": operate");
        assertEquals(manage, MachineAccessRules.decide(Right.MANAGE, standing), who + ": manage");
        assertEquals(create, MachineAccessRules.decide(Right.CREATE, standing), who + ": create");
    }
}

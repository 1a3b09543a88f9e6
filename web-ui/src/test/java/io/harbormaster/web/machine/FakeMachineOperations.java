package io.harbormaster.web.machine;

import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.user.UserId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Allows what a test says and records what the page sent, as lines such as {@code STOP web-1}. */
@Component
@Primary
class FakeMachineOperations implements MachineOperations {

    volatile Set<MachineActions.Action> allowed = EnumSet.noneOf(MachineActions.Action.class);
    volatile List<TeamMember> members = List.of();
    volatile RuntimeException refusal;
    final List<String> sent = new CopyOnWriteArrayList<>();

    void reset() {
        allowed = EnumSet.noneOf(MachineActions.Action.class);
        members = List.of();
        refusal = null;
        sent.clear();
    }

    @Override
    public MachineActions actions(MachineId machine) {
        return new MachineActions(machine, allowed);
    }

    @Override
    public void run(MachineId machine, MachineActions.Action action) {
        record(action + " " + machine.value());
    }

    @Override
    public void handOff(MachineId machine, UserId to, boolean revokePreviousHolder) {
        record("HAND_OFF " + machine.value() + " to " + to.value() + " revoke=" + revokePreviousHolder);
    }

    @Override
    public void share(MachineId machine, Grantee grantee, ShareRole role) {
        record("SHARE " + machine.value() + " " + grantee.kind() + " " + grantee.id() + " " + role);
    }

    @Override
    public void unshare(MachineId machine, Grantee grantee) {
        record("UNSHARE " + machine.value() + " " + grantee.kind() + " " + grantee.id());
    }

    @Override
    public MachineDownload clientBundle(MachineId machine, boolean zip) {
        record("CLIENT_BUNDLE " + machine.value() + (zip ? " zip" : " tar"));
        return new MachineDownload("bundle." + (zip ? "zip" : "tar"), "application/octet-stream",
                ("bundle of " + machine.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public MachineDownload dockerContext(MachineId machine) {
        record("DOCKER_CONTEXT " + machine.value());
        return new MachineDownload("m.dockercontext", "application/x-tar",
                ("context of " + machine.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public List<TeamMember> members(TeamId team) {
        return members;
    }

    private void record(String line) {
        if (refusal != null) {
            throw refusal;
        }
        sent.add(line);
    }
}

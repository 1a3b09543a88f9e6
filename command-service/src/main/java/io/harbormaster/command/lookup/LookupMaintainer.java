package io.harbormaster.command.lookup;

import static io.harbormaster.command.lookup.JdbcLookups.uuid;

import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.IpChanged;
import io.harbormaster.api.machine.SshHostKeyPinned;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.user.PlatformAdminChanged;
import io.harbormaster.api.user.UserRegistered;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the write-side lookups in step with the events. Its processing group must run on a <b>subscribing</b>
 * processor with an error handler that propagates: then these updates happen in the transaction that appends the
 * event, and a failure here rolls the command back instead of leaving the lookups behind the event store.
 *
 * <p>Creation events repeat the claims their command handlers made (doing nothing when the row is there), so
 * running the event store through this class rebuilds the lookups from scratch.
 */
@Component
@ProcessingGroup(LookupMaintainer.PROCESSING_GROUP)
public class LookupMaintainer {

    /** The processing group to register as a subscribing processor with a propagating error handler. */
    public static final String PROCESSING_GROUP = "command-lookups";

    private final JdbcLookups lookups;
    private final JdbcClient jdbc;

    public LookupMaintainer(JdbcLookups lookups, DataSource dataSource) {
        this.lookups = lookups;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventHandler
    void on(UserRegistered event) {
        lookups.claimUser(event.userId(), event.username());
        lookups.markPlatformAdmin(event.userId(), event.platformAdmin());
    }

    @EventHandler
    void on(PlatformAdminChanged event) {
        lookups.markPlatformAdmin(event.userId(), event.platformAdmin());
    }

    @EventHandler
    void on(SshHostKeyPinned event) {
        jdbc.sql("""
                        INSERT INTO cmd_machine_host_keys (machine_id, key_type, fingerprint) VALUES (?, ?, ?)
                        ON CONFLICT (machine_id) DO UPDATE SET key_type = EXCLUDED.key_type,
                                                                fingerprint = EXCLUDED.fingerprint""")
                .params(java.util.UUID.fromString(event.machineId().value()), event.keyType(), event.fingerprint())
                .update();
    }

    @EventHandler
    void on(TeamCreated event) {
        lookups.claimTeam(event.teamId(), event.name());
    }

    @EventHandler
    void on(MemberAdded event) {
        jdbc.sql("""
                        INSERT INTO cmd_team_members (team_id, user_id, role) VALUES (?, ?, ?)
                        ON CONFLICT (team_id, user_id) DO UPDATE SET role = EXCLUDED.role""")
                .params(uuid(event.teamId().value()), uuid(event.userId().value()), event.role().name())
                .update();
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        jdbc.sql("UPDATE cmd_team_members SET role = ? WHERE team_id = ? AND user_id = ?")
                .params(event.role().name(), uuid(event.teamId().value()), uuid(event.userId().value()))
                .update();
    }

    @EventHandler
    void on(MemberRemoved event) {
        jdbc.sql("DELETE FROM cmd_team_members WHERE team_id = ? AND user_id = ?")
                .params(uuid(event.teamId().value()), uuid(event.userId().value()))
                .update();
    }

    @EventHandler
    void on(MachineCreated event) {
        lookups.claimMachine(event.machineId(), event.teamId(), event.name(), event.driver());
    }

    /** An imported machine's daemon is known from the start: the claim and where it listens, in one go. */
    @EventHandler
    void on(MachineImported event) {
        lookups.claimMachine(event.machineId(), event.teamId(), event.name(), event.driver());
        jdbc.sql("UPDATE cmd_machines SET docker_url = ? WHERE machine_id = ?")
                .params(event.dockerUrl(), uuid(event.machineId().value()))
                .update();
    }

    @EventHandler
    void on(MachineProvisioned event) {
        jdbc.sql("UPDATE cmd_machines SET docker_url = ? WHERE machine_id = ?")
                .params(event.dockerUrl(), uuid(event.machineId().value()))
                .update();
    }

    /** The reconciler saw the host at a new address: its processes reach it there from now on. */
    @EventHandler
    void on(IpChanged event) {
        jdbc.sql("UPDATE cmd_machines SET docker_url = replace(docker_url, ?, ?) WHERE machine_id = ?")
                .params("//" + event.previousAddress() + ":", "//" + event.newAddress() + ":",
                        uuid(event.machineId().value()))
                .update();
    }

    /** Frees the machine's name in its team, so a new machine may take it; its pending removal goes with the row. */
    @EventHandler
    void on(MachineRemoved event) {
        jdbc.sql("DELETE FROM cmd_machines WHERE machine_id = ?")
                .param(uuid(event.machineId().value()))
                .update();
        jdbc.sql("DELETE FROM cmd_machine_host_keys WHERE machine_id = ?")
                .param(uuid(event.machineId().value()))
                .update();
    }
}

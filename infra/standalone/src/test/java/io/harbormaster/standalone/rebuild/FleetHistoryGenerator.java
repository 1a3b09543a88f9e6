package io.harbormaster.standalone.rebuild;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.ClientCertIssued;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineHandedOff;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.machine.ProvisioningStepCompleted;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a realistic fleet history of {@code events} events through the event store's own storage engine
 * ({@link EventStorageEngine#appendEvents}, a batch per transaction), as the command side would have: users and teams
 * with members, then machines across the teams, each created, provisioned in steps with its certificates, then
 * stopped and started, handed off and given client certificates a random number of times. Deterministic for a seed.
 */
public final class FleetHistoryGenerator {

    private static final int TEAMS = 50;
    private static final int USERS_PER_TEAM = 4;
    private static final int BATCH = 1000;

    private final EventStorageEngine storage;
    private final TransactionTemplate transactions;
    private final SplittableRandom random = new SplittableRandom(18);
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    private long written;

    public FleetHistoryGenerator(EventStorageEngine storage, TransactionTemplate transactions) {
        this.storage = storage;
        this.transactions = transactions;
    }

    /** Appends at least {@code events} events (a machine's history is not cut short) and returns how many. */
    public long generate(long events) {
        var admin = UserId.random();
        append("User", admin.value(), 0, new UserRegistered(admin, Username.of("gen-admin"), "Generator", true), admin);
        var teams = new ArrayList<TeamId>();
        var members = new ArrayList<List<UserId>>();
        for (int t = 0; t < TEAMS; t++) {
            var team = TeamId.random();
            teams.add(team);
            append("Team", team.value(), 0, new TeamCreated(team, TeamName.of("team-" + t), admin), admin);
            var users = new ArrayList<UserId>();
            for (int u = 0; u < USERS_PER_TEAM; u++) {
                var user = UserId.random();
                users.add(user);
                append("User", user.value(), 0, new UserRegistered(user, Username.of("user-" + t + "-" + u),
                        "User " + t + "/" + u, false), admin);
                append("Team", team.value(), u + 1, new MemberAdded(team, user, u == 0 ? TeamRole.OWNER
                        : TeamRole.MEMBER), admin);
            }
            members.add(users);
        }
        for (int m = 0; written < events; m++) {
            int t = random.nextInt(TEAMS);
            machine(m, teams.get(t), members.get(t));
        }
        flush();
        return written;
    }

    /** One machine's life: about 20 events. */
    private void machine(int number, TeamId team, List<UserId> users) {
        var id = MachineId.random();
        var holder = users.get(random.nextInt(users.size()));
        long seq = 0;
        var name = MachineName.of("m-" + number);
        append("Machine", id.value(), seq++, new MachineCreated(id, team, name, "generic",
                new DriverOptions(Map.of("generic-ip-address", "10.0." + (number / 250 % 250) + "." + (number % 250),
                        "generic-ssh-user", "docker")), holder), holder);
        append("Machine", id.value(), seq++, new MachineProvisionRequested(id), holder);
        append("Machine", id.value(), seq++, new ProvisioningStarted(id, "debian 12"), holder);
        var steps = List.of("ssh", "os", "certificates", "upload", "daemon");
        for (int s = 0; s < steps.size(); s++) {
            append("Machine", id.value(), seq++, new ProvisioningStepCompleted(id, steps.get(s), s + 1, steps.size()),
                    holder);
            if (steps.get(s).equals("certificates")) {
                append("Machine", id.value(), seq++, new CertsRegenerated(id, "provision", true, fingerprint(),
                        Long.toHexString(random.nextLong()), clock.plus(Duration.ofDays(825)),
                        "machines/" + id.value() + "/tls", 1, "ECDSA_P256", List.of(name.value(), "10.0.0.1"),
                        fingerprint()), holder);
            }
        }
        append("Machine", id.value(), seq++, new MachineProvisioned(id, "tcp://10.0.0.1:2376", "27.3.1"), holder);
        int cycles = 1 + random.nextInt(4);
        for (int c = 0; c < cycles; c++) {
            append("Machine", id.value(), seq++, new MachineStopRequested(id), holder);
            append("Machine", id.value(), seq++, new MachineStopped(id), holder);
            append("Machine", id.value(), seq++, new MachineStartRequested(id), holder);
            append("Machine", id.value(), seq++, new MachineStarted(id), holder);
            var user = users.get(random.nextInt(users.size()));
            append("Machine", id.value(), seq++, new ClientCertIssued(id, user, Long.toHexString(random.nextLong()),
                    clock.plus(Duration.ofDays(365))), user);
            if (random.nextInt(4) == 0) {
                var next = users.get(random.nextInt(users.size()));
                append("Machine", id.value(), seq++, new MachineHandedOff(id, holder, next, false), holder);
                holder = next;
            }
        }
    }

    private String fingerprint() {
        return "SHA256:" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    private void append(String type, String aggregate, long seq, Object payload, UserId actor) {
        clock = clock.plusMillis(1 + random.nextInt(50));
        batch.add(new GenericDomainEventMessage<>(type, aggregate, seq, payload,
                Map.of(AuditMetadata.ACTOR_ID, actor.value(), AuditMetadata.CHANNEL, "api",
                        AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString()),
                UUID.randomUUID().toString(), clock));
        written++;
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        var events = List.copyOf(batch);
        batch.clear();
        transactions.executeWithoutResult(status -> storage.appendEvents(events));
    }
}

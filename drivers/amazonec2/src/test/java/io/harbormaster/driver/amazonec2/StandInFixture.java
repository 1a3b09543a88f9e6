package io.harbormaster.driver.amazonec2;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.CloudCredential;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.testing.ec2.Ec2StandIn;
import io.harbormaster.testing.driver.StubDriverContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The driver against the EC2 stand-in: a team with the credential {@code aws} (whose keys the stand-in accepts), a
 * machine SSH key made with ssh-keygen, and the platform settings that point the driver at the stand-in.
 */
final class StandInFixture implements AutoCloseable {

    static final String KEY_ID = "AKIASTANDIN00000001";
    static final String SECRET = "stand-in-secret-0001/never+shown";

    final Ec2StandIn ec2;
    final TeamId team = TeamId.random();
    final StubDriverContext context = StubDriverContext.withoutSsh();
    final AmazonEc2Driver driver = new AmazonEc2Driver();
    final Path keyDir;

    StandInFixture(List<String> addresses) {
        this(new Ec2StandIn("us-east-1", addresses).addAccessKey(KEY_ID, SECRET));
    }

    /** Only the machine's SSH key, for the live suite (no stand-in). */
    static StandInFixture keysOnly() {
        return new StandInFixture((Ec2StandIn) null);
    }

    private StandInFixture(Ec2StandIn ec2) {
        this.ec2 = ec2;
        if (ec2 != null) {
            configure();
        }
        try {
            keyDir = Files.createTempDirectory("ec2-driver-test");
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "machine", "-f",
                    keyDir.resolve("id").toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void configure() {
        context.withSetting("amazonec2.endpoint", ec2.endpoint().toString())
                .withSetting("amazonec2.sts-endpoint", ec2.endpoint().toString())
                .withSetting("amazonec2.poll-interval", "100ms")
                .withSetting("amazonec2.wait-timeout", "60s")
                .withCredential(team, credential("aws", KEY_ID, SECRET, Map.of()));
        driver.initialize(context);
    }

    static CloudCredential credential(String name, String keyId, String secret, Map<String, String> more) {
        var fields = new HashMap<>(more);
        fields.put("access-key-id", keyId);
        fields.put("secret-access-key", secret);
        return new CloudCredential(name, fields);
    }

    /** A machine of the team, with its SSH public key known to the context. */
    MachineSpec machine(String name, Map<String, String> options) {
        var id = MachineId.random();
        context.withPublicKey(id, publicKey());
        var all = new HashMap<>(Map.of("amazonec2-credential", "aws", "amazonec2-ssh-user", "root"));
        all.putAll(options);
        return new MachineSpec(id, team, MachineName.of(name), new DriverOptions(all));
    }

    MachineRef ref(MachineSpec spec) {
        return new MachineRef(spec.machineId(), spec.name(), spec.options(), null, spec.teamId());
    }

    String publicKey() {
        try {
            return Files.readString(keyDir.resolve("id.pub")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code command} on the host over real SSH with the machine's key; answers its output. */
    String ssh(String address, String command) {
        return sshAs("root", address, command);
    }

    String sshAs(String user, String address, String command) {
        return run("ssh", "-i", keyDir.resolve("id").toString(), "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-o",
                "LogLevel=ERROR",  user + "@" + address, command).strip();
    }

    static String run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (ec2 != null) {
            ec2.close();
        }
    }
}

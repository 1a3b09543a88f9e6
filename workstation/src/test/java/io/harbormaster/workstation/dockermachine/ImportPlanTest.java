package io.harbormaster.workstation.dockermachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a docker-machine machine becomes, from the settings its config.json records. */
class ImportPlanTest {

    @Test
    void aGenericMachine_getsDockerMachinesDefaults_forWhatItsConfigLeavesOut() {
        var plan = ImportPlan.of("generic", Map.of("IPAddress", "10.0.0.7", "SSHPort", "0"),
                DockerMachineEngine.none());

        assertThat(plan.driverOptions().values()).isEqualTo(Map.of("ip-address", "10.0.0.7", "ssh-user", "root",
                "ssh-port", "22", "engine-port", "2376"));
        assertThat(plan.needsSshKey()).isTrue();
        assertThat(plan.needsServerCertificate()).isTrue();
    }

    @Test
    void anIpv6Address_isBracketedInTheUrl_andUnbracketedAsTheHostTheCertificateNames() {
        var plan = ImportPlan.of("generic", Map.of("IPAddress", "2001:db8::7", "EnginePort", "2377"),
                DockerMachineEngine.none());

        assertThat(plan.dockerUrl()).isEqualTo("tcp://[2001:db8::7]:2377");
        assertThat(plan.dockerHost()).isEqualTo("2001:db8::7");
    }

    @Test
    void anAzureMachine_usesItsDockerPort() {
        var plan = ImportPlan.of("azure", Map.of("IPAddress", "203.0.113.9", "DockerPort", "2375"),
                DockerMachineEngine.none());

        assertThat(plan.driver()).isEqualTo("none");
        assertThat(plan.dockerUrl()).isEqualTo("tcp://203.0.113.9:2375");
        assertThat(plan.needsSshKey()).isFalse();
    }

    @Test
    void aMachineWithoutAnAddressOrUrl_cannotBeImported() {
        assertThatThrownBy(() -> ImportPlan.of("virtualbox", Map.of(), DockerMachineEngine.none()))
                .hasMessage("config.json records no IPAddress for this virtualbox machine, so there is no Docker URL "
                        + "to use (start it with docker-machine once, then import)");
        assertThatThrownBy(() -> ImportPlan.of("none", Map.of(), DockerMachineEngine.none()))
                .hasMessage("config.json gives this none machine no URL");
        assertThatThrownBy(() -> ImportPlan.of("generic", Map.of("IPAddress", "10.0.0.7", "SSHPort", "ssh"),
                DockerMachineEngine.none())).hasMessage("config.json's SSHPort 'ssh' is not a port");
    }

    @Test
    void onlyKnownHarmlessDriverSettings_areRecorded_andTheRestAreNamed() {
        var settings = new HashMap<String, String>();
        settings.put("IPAddress", "10.0.0.7");
        settings.put("AccessToken", "dop_v1_0123456789abcdef");
        settings.put("Password", "hunter2");
        settings.put("Region", "fra1");
        settings.put("Image", "-----BEGIN RSA PRIVATE KEY-----");
        settings.put("Tags", null);
        settings.put("SSHKeyFingerprint", "");

        var filtered = DriverSettings.filter(settings);

        assertThat(filtered.kept()).isEqualTo(Map.of("IPAddress", "10.0.0.7", "Region", "fra1"));
        assertThat(filtered.leftOut()).containsExactly("AccessToken", "Image", "Password", "Tags");
    }
}

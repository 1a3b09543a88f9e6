package io.harbormaster.driver.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.DriverOption;
import io.harbormaster.driver.InvalidDriverOptionsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docker-machine's amazonec2 options as the driver reads them: defaults, values, refusals. */
class Ec2OptionsTest {

    private final AmazonEc2Driver driver = new AmazonEc2Driver();

    @Test
    void withoutOptionsDockerMachinesDefaultsApplyAndImdsV2IsRequired() {
        var options = Ec2Options.from(DriverOptions.none());

        assertThat(options.region()).as("from the credential, else us-east-1").isNull();
        assertThat(options.zone()).isEqualTo("a");
        assertThat(options.instanceType()).isEqualTo("t2.micro");
        assertThat(options.securityGroups()).containsExactly("docker-machine");
        assertThat(options.rootSize()).isEqualTo(16);
        assertThat(options.volumeType()).isEqualTo("gp2");
        assertThat(options.spotPrice()).isEqualTo("0.50");
        assertThat(options.sshUser()).isEqualTo("ubuntu");
        assertThat(options.sshPort()).isEqualTo(22);
        assertThat(options.httpTokens()).isEqualTo("required");
        assertThat(options.tags()).isEmpty();
    }

    @Test
    void listsTagsAndPortsAreReadInDockerMachinesForms() {
        var options = Ec2Options.from(new DriverOptions(Map.of(
                "amazonec2-security-group", "web, docker-machine",
                "amazonec2-open-port", "8080,53/udp",
                "amazonec2-tags", "env,prod,team,blue",
                "amazonec2-private-address-only", "TRUE")));

        assertThat(options.securityGroups()).containsExactly("web", "docker-machine");
        assertThat(options.openPorts()).containsExactly(new Ec2Options.OpenPort(8080, "tcp"),
                new Ec2Options.OpenPort(53, "udp"));
        assertThat(options.tags()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "blue"));
        assertThat(options.reachesPrivateAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amazonec2-access-key", "amazonec2-secret-key", "amazonec2-session-token"})
    void awsKeysAreRefusedWithTheWayToATeamCredential(String option) {
        assertThatThrownBy(() -> driver.validate(new DriverOptions(Map.of(option, "AKIAEXAMPLESECRET"))))
                .isInstanceOfSatisfying(InvalidDriverOptionsException.class,
                        e -> assertThat(e.option()).isEqualTo(option))
                .hasMessageContaining("team credential")
                .hasMessageContaining("--amazonec2-credential NAME")
                .message().doesNotContain("AKIAEXAMPLESECRET");
    }

    @ParameterizedTest
    @CsvSource({
            "amazonec2-endpoint, operator",
            "amazonec2-ssh-keypath, secret store",
            "amazonec2-keypair-name, private key",
            "amazonec2-block-duration-minutes, Spot blocks",
            "amazonec2-retries, SDK"})
    void optionsLeftOutAreRefusedWithWhy(String option, String why) {
        assertThatThrownBy(() -> driver.validate(new DriverOptions(Map.of(option, "x"))))
                .isInstanceOf(InvalidDriverOptionsException.class).hasMessageContaining(why);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "amazonec2-region|eu west 1|a region such as eu-west-1",
            "amazonec2-zone|ab|a zone letter",
            "amazonec2-ami|ubuntu|an image id",
            "amazonec2-instance-type|huge|an instance type",
            "amazonec2-vpc-id|vpc 1|a VPC id",
            "amazonec2-subnet-id|net-1|a subnet id",
            "amazonec2-root-size|0|from 1 to 16384",
            "amazonec2-volume-type|ssd|gp2, gp3",
            "amazonec2-ssh-port|70000|from 1 to 65535",
            "amazonec2-open-port|http|ports such as",
            "amazonec2-tags|env|pairs",
            "amazonec2-tags|aws:name,x|not allowed",
            "amazonec2-monitoring|yes|true or false",
            "amazonec2-http-tokens|maybe|optional, required",
            "amazonec2-credential|../other|a credential name"})
    void aBadValueIsRefusedByNameWithAnExample(String option, String value, String example) {
        assertThatThrownBy(() -> driver.validate(new DriverOptions(Map.of(option, value))))
                .isInstanceOfSatisfying(InvalidDriverOptionsException.class,
                        e -> assertThat(e.option()).isEqualTo(option))
                .hasMessageContaining(option).hasMessageContaining(example);
    }

    @Test
    void anOptionWithoutThePrefixIsRefusedWithTheNameItProbablyMeant() {
        assertThatThrownBy(() -> driver.validate(new DriverOptions(Map.of("region", "eu-west-1"))))
                .isInstanceOf(InvalidDriverOptionsException.class)
                .hasMessageContaining("Did you mean 'amazonec2-region'?");
    }

    @Test
    void everyOptionIsDescribedForFormsAndNoneIsRequired() {
        assertThat(driver.options()).extracting(DriverOption::name).contains("amazonec2-credential",
                "amazonec2-region", "amazonec2-zone", "amazonec2-ami", "amazonec2-instance-type", "amazonec2-vpc-id",
                "amazonec2-subnet-id", "amazonec2-security-group", "amazonec2-security-group-readonly",
                "amazonec2-open-port", "amazonec2-tags", "amazonec2-root-size", "amazonec2-volume-type",
                "amazonec2-device-name", "amazonec2-iam-instance-profile", "amazonec2-request-spot-instance",
                "amazonec2-spot-price", "amazonec2-private-address-only", "amazonec2-use-private-address",
                "amazonec2-monitoring", "amazonec2-use-ebs-optimized-instance", "amazonec2-userdata",
                "amazonec2-ssh-user", "amazonec2-ssh-port", "amazonec2-http-tokens").doesNotHaveDuplicates();
        assertThat(driver.options()).noneMatch(DriverOption::required)
                .allSatisfy(option -> assertThat(option.description()).isNotBlank());
        assertThat(driver.provisions()).isTrue();
        assertThat(driver.capabilities().supported()).hasSize(4);
    }
}

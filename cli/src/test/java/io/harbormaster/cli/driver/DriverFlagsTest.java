package io.harbormaster.cli.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.driver.DriverList;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.cli.HmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** A driver's described options as flags: how each kind takes its value, what is sent, what is refused. */
class DriverFlagsTest {

    static final DriverList.Driver EC2 = new DriverList.Driver("amazonec2", true,
            Set.of(LifecycleOperation.START, LifecycleOperation.STOP), List.of(
                    option("amazonec2-credential", null, "TEXT"),
                    option("amazonec2-region", null, "TEXT"),
                    option("amazonec2-instance-type", "t2.micro", "TEXT"),
                    option("amazonec2-root-size", "16", "NUMBER"),
                    option("amazonec2-monitoring", "false", "BOOLEAN"),
                    option("amazonec2-private-address-only", "false", "BOOLEAN"),
                    option("amazonec2-open-port", null, "LIST"),
                    option("amazonec2-tags", null, "LIST"),
                    option("amazonec2-userdata", null, "TEXT")));

    private final CommandSpec create = CommandSpec.create().name("create")
            .addOption(OptionSpec.builder("-d", "--driver").type(String.class).build())
            .addOption(OptionSpec.builder("--engine-label").type(String.class).build())
            .addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("NAME").type(String.class).build());
    private final CommandLine commandLine = new CommandLine(create);
    private final DriverFlags flags = DriverFlags.install(create, "http://hm.example", EC2);

    static DriverList.Option option(String name, String defaultValue, String kind) {
        return new DriverList.Option(name, name, "What " + name + " is.", false, defaultValue, kind);
    }

    private Map<String, String> sent(String... args) {
        commandLine.parseArgs(args);
        return flags.values(commandLine.getParseResult());
    }

    @Test
    void aFlagTakesItsValueAfterASpaceOrAnEqualsSign_underTheOptionsOwnName() {
        assertThat(sent("-d", "amazonec2", "--amazonec2-region", "eu-west-1", "--amazonec2-instance-type=t3.small",
                "web-1")).containsExactly(Map.entry("amazonec2-region", "eu-west-1"),
                Map.entry("amazonec2-instance-type", "t3.small"));
        assertThat(commandLine.getParseResult().matchedPositionalValue(0, "")).isEqualTo("web-1");
    }

    @Test
    void onlyFlagsGivenAreSent_theServerAppliesItsDefaults() {
        assertThat(sent("-d", "amazonec2", "web-1")).isEmpty();
    }

    @Test
    void aBooleanAloneIsTrue_andTakesAnExplicitValue_butNeverTheMachineName() {
        assertThat(sent("--amazonec2-monitoring", "web-1")).containsExactly(Map.entry("amazonec2-monitoring", "true"));
        assertThat(commandLine.getParseResult().matchedPositionalValue(0, "")).isEqualTo("web-1");
        assertThat(sent("--amazonec2-monitoring=false", "--amazonec2-private-address-only", "true", "web-1"))
                .containsExactly(Map.entry("amazonec2-monitoring", "false"),
                        Map.entry("amazonec2-private-address-only", "true"));
    }

    @Test
    void aListMayBeRepeated_asDockerMachinesFlagsAre_andIsSentCommaSeparated_asTheDriverReadsIt() {
        assertThat(sent("--amazonec2-open-port", "8080", "--amazonec2-open-port=53/udp", "--amazonec2-tags",
                "team,web,env,prod", "--amazonec2-tags", "owner,alice", "web-1"))
                .containsExactly(Map.entry("amazonec2-open-port", "8080,53/udp"),
                        Map.entry("amazonec2-tags", "team,web,env,prod,owner,alice"));
    }

    @Test
    void valuesAreNotJudgedHere_theDriverDoes() {
        assertThat(sent("--amazonec2-root-size", "lots", "--amazonec2-region", "mars-north-9", "--amazonec2-userdata",
                "-x", "web-1")).containsEntry("amazonec2-root-size", "lots")
                .containsEntry("amazonec2-region", "mars-north-9").containsEntry("amazonec2-userdata", "-x");
    }

    @Test
    void anUnknownFlagIsNamedWithTheClosestKnownOne_neverWithItsValue() {
        assertThat(flags.unknownFlag(List.of("--amazonec2-regon=eu-west-1"), List.of("--engine-label")))
                .contains("unknown flag --amazonec2-regon; did you mean --amazonec2-region? (hm drivers amazonec2 "
                        + "lists the amazonec2 driver's flags)");
        assertThat(flags.unknownFlag(List.of("--engine-lable", "x"), List.of("--engine-label")))
                .hasValueSatisfying(message -> assertThat(message).contains("did you mean --engine-label?"));
        assertThat(flags.unknownFlag(List.of("--colour"), List.of("--engine-label")))
                .contains("unknown flag --colour (hm drivers amazonec2 lists the amazonec2 driver's flags)");
        assertThat(flags.unknownFlag(List.of("surplus"), List.of())).isEmpty();
    }

    @Test
    void theHelpListsTheDriversFlagsInASectionOfTheirOwn_namingTheServer() {
        // words as picocli wraps them into the description column
        var help = commandLine.getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help).contains("Options of the amazonec2 driver, from http://hm.example:",
                "--amazonec2-region VALUE", "--amazonec2-monitoring[=true|false]",
                "What amazonec2-open-port is. Repeat the flag for more values.", "(default: t2.micro)");
    }

    @Test
    void genericsOptionsKeepTheirPrefixAsFlags_othersAreTheirName() {
        assertThat(DriverFlags.flag("generic", "ip-address")).isEqualTo("--generic-ip-address");
        assertThat(DriverFlags.flag("none", "url")).isEqualTo("--url");
        assertThat(DriverFlags.flag("amazonec2", "amazonec2-region")).isEqualTo("--amazonec2-region");
    }

    @Test
    void awsKeysAsFlagsAreRefusedWithWhatToDoInstead_withoutRepeatingTheKey() {
        for (var args : List.of(new String[] {"--amazonec2-secret-key", "wJalrXUtnFEMI/K7MDENG"},
                new String[] {"--amazonec2-access-key=AKIAIOSFODNN7EXAMPLE"},
                new String[] {"-d", "amazonec2", "--amazonec2-session-token", "FwoGZXIvYXdz", "web-1"})) {
            assertThatThrownBy(() -> SecretFlags.refuse(args, "Error creating machine: ", 3))
                    .isInstanceOfSatisfying(HmException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(3);
                        assertThat(e.getMessage()).contains("hm credentials add NAME", "--amazonec2-credential NAME",
                                "Nothing was sent").doesNotContain("wJalr", "AKIAIOSFODNN7EXAMPLE", "FwoG");
                    });
        }
        SecretFlags.refuse(new String[] {"--amazonec2-credential", "aws-prod", "--", "--amazonec2-secret-key"}, "",
                3);
    }

    @Test
    void suggestionsAreAFewEditsAway() {
        assertThat(Suggestion.closest("--amazonec2-instance-tpye", List.of("--amazonec2-instance-type",
                "--amazonec2-ami"))).contains("--amazonec2-instance-type");
        assertThat(Suggestion.closest("amazon", List.of("amazonec2", "generic", "none"))).contains("amazonec2");
        assertThat(Suggestion.closest("virtualbox", List.of("amazonec2", "generic", "none"))).isEmpty();
    }
}

package io.harbormaster.api.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    @Test
    void docker_machines_options_areAccepted_andTheirFlagsParsedToDaemonJsonKeys() {
        var options = new EngineOptions(List.of("log-level=warn", "default-ulimit=nofile=1024:2048",
                "registry-mirror=https://mirror.example.com", " registry-mirror=https://m2.example.com ", "debug",
                "--max-concurrent-downloads=6", "log-opt=max-size=10m", "graph=/srv/docker"),
                List.of("team=blue", "com.example.tier="), "https://get.docker.com",
                List.of("docker.example.com", "*.example.org", "203.0.113.7", "2001:db8::7", "[2001:db8::8]"));

        assertThat(options.settings()).extracting(s -> s.option().key() + " " + s.value()).containsExactly(
                "log-level warn", "default-ulimits nofile=1024:2048", "registry-mirrors https://mirror.example.com",
                "registry-mirrors https://m2.example.com", "debug true", "max-concurrent-downloads 6",
                "log-opts max-size=10m", "data-root /srv/docker");
        assertThat(options.flags()).contains("registry-mirror=https://m2.example.com");
        assertThat(options.isEmpty()).isFalse();
        assertThat(EngineFlag.ulimit("nofile=1024:2048")).containsExactly(1024, 2048);
        assertThat(EngineFlag.ulimit("nproc=512")).containsExactly(512, 512);
    }

    @Test
    void nothingGiven_isNone() {
        var options = new EngineOptions(null, null, " ", null);
        assertThat(options).isEqualTo(EngineOptions.none());
        assertThat(options.isEmpty()).isTrue();
        assertThat(options.installUrl()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "flags: unknown key | bogus=1 | flags[0] | not a dockerd option",
            "flags: owned key | tlsverify=false | flags[0] | set by Harbormaster",
            "flags: hosts | host=tcp://0.0.0.0:2375 | flags[0] | set by Harbormaster",
            "flags: labels as flag | label=a=b | flags[0] | engineOptions.labels",
            "flags: bad log level | log-level=loud | flags[0] | debug, error, fatal, info, warn",
            "flags: not an integer | max-concurrent-downloads=many | flags[0] | an integer",
            "flags: not a boolean | debug=yes | flags[0] | true or false",
            "flags: ulimit form | default-ulimit=nofile | flags[0] | name=soft[:hard]",
            "flags: missing value | dns | flags[0] | needs a value",
    })
    void badFlagsAreRefused_namingThePart(String why, String flag, String part, String says) {
        assertThatThrownBy(() -> new EngineOptions(List.of(flag), null, null, null))
                .isInstanceOf(InvalidEngineOptionsException.class)
                .hasMessageContaining(says)
                .satisfies(e -> assertThat(((InvalidEngineOptionsException) e).part()).isEqualTo(part));
    }

    @Test
    void aSingleValuedFlagGivenTwice_isRefused_whileListsRepeat() {
        assertThatThrownBy(() -> new EngineOptions(List.of("dns=1.1.1.1", "log-level=warn", "log-level=info"), null,
                null, null)).isInstanceOf(InvalidEngineOptionsException.class).hasMessageStartingWith("flags[2]: ")
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> new EngineOptions(List.of("graph=/a", "data-root=/b"), null, null, null))
                .hasMessageContaining("more than once");
        assertThat(new EngineOptions(List.of("dns=1.1.1.1", "dns=8.8.8.8"), null, null, null).flags()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"team", "=blue", "te am=blue", "provider=me", "harbormaster.machine=x"})
    void labelsNeedKeyEqualsValue_andLeaveHarbormastersOwnAlone(String label) {
        assertThatThrownBy(() -> new EngineOptions(null, List.of(label), null, null))
                .isInstanceOf(InvalidEngineOptionsException.class).hasMessageStartingWith("labels[0]: ");
    }

    @Test
    void aLabelKeyGivenTwice_isRefused() {
        assertThatThrownBy(() -> new EngineOptions(null, List.of("team=a", "team=b"), null, null))
                .hasMessageStartingWith("labels[1]: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://get.docker.com", "file:///tmp/x.sh", "get.docker.com", "https://", "https://u:p@host/x",
            "http://exa mple.com"})
    void theInstallUrlIsHttpOrHttpsWithAHost_andNoCredentials(String url) {
        assertThatThrownBy(() -> new EngineOptions(null, null, url, null))
                .isInstanceOf(InvalidEngineOptionsException.class).hasMessageStartingWith("installUrl: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a name", "under_score-.example", "-lead.example.com", "1.2.3.4:80", "2001:db8::zz",
            "a..b"})
    void tlsSansAreDnsNamesOrIpAddresses(String san) {
        assertThatThrownBy(() -> new EngineOptions(null, null, null, List.of(san)))
                .isInstanceOf(InvalidEngineOptionsException.class).hasMessageStartingWith("tlsSans[0]: ");
    }

    @Test
    void countsLengthsAndControlCharactersAreBounded() {
        assertThatThrownBy(() -> new EngineOptions(java.util.Collections.nCopies(33, "dns=1.1.1.1"), null, null, null))
                .hasMessageStartingWith("flags: at most 32");
        assertThatThrownBy(() -> new EngineOptions(null, List.of("team=" + "x".repeat(600)), null, null))
                .hasMessageStartingWith("labels[0]: at most 512");
        assertThatThrownBy(() -> new EngineOptions(null, List.of("team=a\u0000b"), null, null))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> new EngineOptions(List.of("log-opt=tag=a\u001bb"), null, null, null))
                .hasMessageStartingWith("flags[0]: ").hasMessageContaining("control characters");
        assertThatThrownBy(() -> new EngineOptions(null, null, "https://get.docker.com/\u007f", null))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> new EngineOptions(null, null, "https://e.com/" + "x".repeat(2100), null))
                .hasMessageContaining("at most 2048");
        assertThatThrownBy(() -> new EngineOptions(null, null, null, java.util.Collections.nCopies(17, "a.example")))
                .hasMessageStartingWith("tlsSans: at most 16");
        assertThatThrownBy(() -> new EngineOptions(List.of(" "), null, null, null))
                .hasMessageStartingWith("flags[0]: must not be empty");
    }
}

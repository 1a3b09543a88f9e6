package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HmCommandTest {

    @Test
    void versionPrintsTheClientVersionDevWhenNotFromAJar() {
        var result = Hm.run(Map.of(), "version", "--client");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("hm version dev\n");
    }

    @Test
    void withoutAVerbPrintsUsage() {
        var result = Hm.run(Map.of(), new String[0]);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: hm").contains("ls").contains("version");
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        assertThat(Hm.run(Map.of(), "frobnicate").exitCode()).isEqualTo(2);
    }
}

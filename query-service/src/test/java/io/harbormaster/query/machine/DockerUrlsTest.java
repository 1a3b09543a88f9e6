package io.harbormaster.query.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerUrlsTest {

    @Test
    void theHostIsReplacedOnlyWhenItIsThePreviousAddress() {
        assertThat(DockerUrls.withHost("tcp://10.0.0.5:2376", "10.0.0.5", "10.0.0.6")).isEqualTo("tcp://10.0.0.6:2376");
        assertThat(DockerUrls.withHost("tcp://[fd00::5]:2376", "fd00::5", "fd00::6")).isEqualTo("tcp://[fd00::6]:2376");
        assertThat(DockerUrls.withHost("tcp://web-1.example:2376", "10.0.0.5", "10.0.0.6"))
                .isEqualTo("tcp://web-1.example:2376");
        assertThat(DockerUrls.withHost(null, "10.0.0.5", "10.0.0.6")).isNull();
        assertThat(DockerUrls.withHost("tcp://10.0.0.5:2376", null, "10.0.0.6")).isEqualTo("tcp://10.0.0.5:2376");
    }
}

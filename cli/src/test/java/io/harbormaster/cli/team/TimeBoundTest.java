package io.harbormaster.cli.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.cli.HmException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeBoundTest {

    private static final Instant NOW = Instant.parse("2026-02-10T12:00:00Z");

    private static Instant parse(String text) {
        return TimeBound.parse("--since", text, NOW);
    }

    @Test
    void aTimeAgo() {
        assertThat(parse("90s")).isEqualTo("2026-02-10T11:58:30Z");
        assertThat(parse("30m")).isEqualTo("2026-02-10T11:30:00Z");
        assertThat(parse("24h")).isEqualTo("2026-02-09T12:00:00Z");
        assertThat(parse("7d")).isEqualTo("2026-02-03T12:00:00Z");
        assertThat(parse("2W")).isEqualTo("2026-01-27T12:00:00Z");
    }

    @Test
    void isoTimesWithAnOffset() {
        assertThat(parse("2026-01-31T12:00:00Z")).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(parse("2026-01-31T13:00+01:00")).isEqualTo("2026-01-31T12:00:00Z");
    }

    @Test
    void datesAndTimesWithoutAnOffsetAreUtc() {
        assertThat(parse("2026-01-31")).isEqualTo("2026-01-31T00:00:00Z");
        assertThat(parse("2026-01-31T12:30")).isEqualTo("2026-01-31T12:30:00Z");
        assertThat(parse(" 2026-01-31T12:30:15 ")).isEqualTo("2026-01-31T12:30:15Z");
    }

    @Test
    void anythingElseSaysWhatItTakes() {
        assertThatThrownBy(() -> parse("last tuesday")).isInstanceOf(HmException.class)
                .hasMessageStartingWith("--since: 'last tuesday' is not a time hm knows; use a time ago such as 24h");
        assertThatThrownBy(() -> parse("5y")).isInstanceOf(HmException.class);
    }
}

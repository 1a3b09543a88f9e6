package io.harbormaster.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void findsTheFirstControlCharacterNotAllowed() {
        assertThat(ControlCharacters.first("plain text, ünïcode ✓", "")).isEqualTo(-1);
        assertThat(ControlCharacters.first(null, "")).isEqualTo(-1);
        assertThat(ControlCharacters.first("ab\u0000c", "")).isEqualTo(2);
        assertThat(ControlCharacters.first("a\u001fb", "")).isEqualTo(1);
        assertThat(ControlCharacters.first("a\u007fb", "")).isEqualTo(1);
        assertThat(ControlCharacters.first("line\nline\ttab", "")).isEqualTo(4);
        assertThat(ControlCharacters.first("line\r\nline\ttab", ControlCharacters.LINE_BREAKS_AND_TABS)).isEqualTo(-1);
        assertThat(ControlCharacters.first("key\n\u0000", ControlCharacters.LINE_BREAKS_AND_TABS)).isEqualTo(4);
    }

    @Test
    void theRefusalNamesTheCharacterAndItsPositionButNotTheValue() {
        assertThat(ControlCharacters.refusal("secret\u0000", 6))
                .isEqualTo("must not contain control characters (found U+0000 at position 7)")
                .doesNotContain("secret");
    }

    @Test
    void hostTextStaysReadable() {
        assertThat(ControlCharacters.readable("Debian GNU/Linux 12 (bookworm)"))
                .isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(ControlCharacters.readable("Deb\u0000ian\u001b[31m 12")).isEqualTo("Deb\uFFFDian\uFFFD[31m 12");
        assertThat(ControlCharacters.readable("exit 1:\nE: no space\tleft\r")).isEqualTo("exit 1: E: no space left ");
        assertThat(ControlCharacters.readable(null)).isNull();
    }
}

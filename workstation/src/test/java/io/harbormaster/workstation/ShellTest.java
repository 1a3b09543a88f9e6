package io.harbormaster.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellTest {

    @ParameterizedTest
    @CsvSource({"bash,BASH", "zsh,ZSH", "FISH,FISH", "' PowerShell ',POWERSHELL", "Cmd,CMD", "tcsh,TCSH", "emacs,EMACS"})
    void theQueryParameterNamesAShellIgnoringCase(String text, Shell expected) {
        assertThat(Shell.parse(text)).isEqualTo(expected);
    }

    @Test
    void anUnknownShellIsRefusedListingTheAllowedNames() {
        assertThatThrownBy(() -> Shell.parse("ksh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown shell 'ksh'. Use one of: bash, zsh, fish, powershell, cmd, tcsh, emacs "
                        + "(for sh or ksh use bash).");
        assertThatThrownBy(() -> Shell.parse(null)).hasMessageStartingWith("Unknown shell ''.");
    }

    @Test
    void theRefusalDoesNotEchoControlCharactersOrLongInput() {
        assertThatThrownBy(() -> Shell.parse("bash\nX=1 abcdefghijklmnopqrstuvwxyz"))
                .hasMessageStartingWith("Unknown shell 'bash?X=1 abcdefghijk…'.");
    }
}

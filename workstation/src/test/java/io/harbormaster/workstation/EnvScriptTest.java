package io.harbormaster.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineName;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expected texts are written from docker-machine's commands/env.go (its per-shell prefix, delimiter and suffix,
 * and its usage hint, whose first line ends with a space), not from our output.
 */
class EnvScriptTest {

    private static final MachineName DEV = new MachineName("dev");
    private static final String HOST = "tcp://192.0.2.10:2376";
    private static final String UNIX_PATH = "/home/me/.hm/machines/dev";
    private static final String WINDOWS_PATH = "C:\\Users\\me\\.hm\\machines\\dev";

    static Stream<Arguments> settingTheVariables() {
        return Stream.of(
                Arguments.of(Shell.BASH, UNIX_PATH, """
                        export DOCKER_TLS_VERIFY="1"
                        export DOCKER_HOST="tcp://192.0.2.10:2376"
                        export DOCKER_CERT_PATH="/home/me/.hm/machines/dev"
                        export DOCKER_MACHINE_NAME="dev"
                        # Run this command to configure your shell:\s
                        # eval $(hm env --shell bash dev)
                        """),
                Arguments.of(Shell.FISH, UNIX_PATH, """
                        set -gx DOCKER_TLS_VERIFY "1";
                        set -gx DOCKER_HOST "tcp://192.0.2.10:2376";
                        set -gx DOCKER_CERT_PATH "/home/me/.hm/machines/dev";
                        set -gx DOCKER_MACHINE_NAME "dev";
                        # Run this command to configure your shell:\s
                        # eval (hm env --shell fish dev)
                        """),
                Arguments.of(Shell.POWERSHELL, WINDOWS_PATH, """
                        $Env:DOCKER_TLS_VERIFY = "1"
                        $Env:DOCKER_HOST = "tcp://192.0.2.10:2376"
                        $Env:DOCKER_CERT_PATH = "C:\\Users\\me\\.hm\\machines\\dev"
                        $Env:DOCKER_MACHINE_NAME = "dev"
                        # Run this command to configure your shell:\s
                        # & hm env --shell powershell dev | Invoke-Expression
                        """),
                Arguments.of(Shell.CMD, WINDOWS_PATH, """
                        SET DOCKER_TLS_VERIFY=1
                        SET DOCKER_HOST=tcp://192.0.2.10:2376
                        SET DOCKER_CERT_PATH=C:\\Users\\me\\.hm\\machines\\dev
                        SET DOCKER_MACHINE_NAME=dev
                        REM Run this command to configure your shell:\s
                        REM \t@FOR /f "tokens=*" %i IN ('hm env --shell cmd dev') DO @%i
                        """),
                Arguments.of(Shell.TCSH, UNIX_PATH, """
                        setenv DOCKER_TLS_VERIFY "1";
                        setenv DOCKER_HOST "tcp://192.0.2.10:2376";
                        setenv DOCKER_CERT_PATH "/home/me/.hm/machines/dev";
                        setenv DOCKER_MACHINE_NAME "dev";
                        : Run this command to configure your shell:\s
                        : eval `hm env --shell tcsh dev`
                        """),
                Arguments.of(Shell.EMACS, UNIX_PATH, """
                        (setenv "DOCKER_TLS_VERIFY" "1")
                        (setenv "DOCKER_HOST" "tcp://192.0.2.10:2376")
                        (setenv "DOCKER_CERT_PATH" "/home/me/.hm/machines/dev")
                        (setenv "DOCKER_MACHINE_NAME" "dev")
                        ;; Run this command to configure your shell:\s
                        ;; (with-temp-buffer (shell-command "hm env --shell emacs dev" (current-buffer)) (eval-buffer))
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void settingTheVariables(Shell shell, String certPath, String expected) {
        var settings = EnvSettings.forMachine(DEV, HOST, certPath).withShell(shell);

        assertThat(EnvScript.render(settings)).isEqualTo(expected);
    }

    static Stream<Arguments> unsettingTheVariables() {
        return Stream.of(
                Arguments.of(Shell.BASH, """
                        unset DOCKER_TLS_VERIFY
                        unset DOCKER_HOST
                        unset DOCKER_CERT_PATH
                        unset DOCKER_MACHINE_NAME
                        # Run this command to configure your shell:\s
                        # eval $(hm env --shell bash --unset)
                        """),
                Arguments.of(Shell.FISH, """
                        set -e DOCKER_TLS_VERIFY;
                        set -e DOCKER_HOST;
                        set -e DOCKER_CERT_PATH;
                        set -e DOCKER_MACHINE_NAME;
                        # Run this command to configure your shell:\s
                        # eval (hm env --shell fish --unset)
                        """),
                Arguments.of(Shell.POWERSHELL, """
                        Remove-Item Env:\\\\DOCKER_TLS_VERIFY
                        Remove-Item Env:\\\\DOCKER_HOST
                        Remove-Item Env:\\\\DOCKER_CERT_PATH
                        Remove-Item Env:\\\\DOCKER_MACHINE_NAME
                        # Run this command to configure your shell:\s
                        # & hm env --shell powershell --unset | Invoke-Expression
                        """),
                Arguments.of(Shell.CMD, """
                        SET DOCKER_TLS_VERIFY=
                        SET DOCKER_HOST=
                        SET DOCKER_CERT_PATH=
                        SET DOCKER_MACHINE_NAME=
                        REM Run this command to configure your shell:\s
                        REM \t@FOR /f "tokens=*" %i IN ('hm env --shell cmd --unset') DO @%i
                        """),
                Arguments.of(Shell.TCSH, """
                        unsetenv DOCKER_TLS_VERIFY;
                        unsetenv DOCKER_HOST;
                        unsetenv DOCKER_CERT_PATH;
                        unsetenv DOCKER_MACHINE_NAME;
                        : Run this command to configure your shell:\s
                        : eval `hm env --shell tcsh --unset`
                        """),
                Arguments.of(Shell.EMACS, """
                        (setenv "DOCKER_TLS_VERIFY" nil)
                        (setenv "DOCKER_HOST" nil)
                        (setenv "DOCKER_CERT_PATH" nil)
                        (setenv "DOCKER_MACHINE_NAME" nil)
                        ;; Run this command to configure your shell:\s
                        ;; (with-temp-buffer (shell-command "hm env --shell emacs --unset" (current-buffer)) (eval-buffer))
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unsettingTheVariables(Shell shell, String expected) {
        assertThat(EnvScript.render(EnvSettings.forUnset().withShell(shell))).isEqualTo(expected);
    }

    static Stream<Arguments> noProxyAddsTheMachineAddressToTheCurrentList() {
        return Stream.of(
                Arguments.of(Shell.BASH, "localhost,127.0.0.1", """
                        export DOCKER_TLS_VERIFY="1"
                        export DOCKER_HOST="tcp://192.0.2.10:2376"
                        export DOCKER_CERT_PATH="/home/me/.hm/machines/dev"
                        export DOCKER_MACHINE_NAME="dev"
                        export NO_PROXY="localhost,127.0.0.1,192.0.2.10"
                        # Run this command to configure your shell:\s
                        # eval $(hm env --shell bash --no-proxy dev)
                        """),
                Arguments.of(Shell.FISH, "", """
                        set -gx DOCKER_TLS_VERIFY "1";
                        set -gx DOCKER_HOST "tcp://192.0.2.10:2376";
                        set -gx DOCKER_CERT_PATH "/home/me/.hm/machines/dev";
                        set -gx DOCKER_MACHINE_NAME "dev";
                        set -gx NO_PROXY "192.0.2.10";
                        # Run this command to configure your shell:\s
                        # eval (hm env --shell fish --no-proxy dev)
                        """),
                Arguments.of(Shell.POWERSHELL, "localhost", """
                        $Env:DOCKER_TLS_VERIFY = "1"
                        $Env:DOCKER_HOST = "tcp://192.0.2.10:2376"
                        $Env:DOCKER_CERT_PATH = "/home/me/.hm/machines/dev"
                        $Env:DOCKER_MACHINE_NAME = "dev"
                        $Env:NO_PROXY = "localhost,192.0.2.10"
                        # Run this command to configure your shell:\s
                        # & hm env --shell powershell --no-proxy dev | Invoke-Expression
                        """),
                Arguments.of(Shell.CMD, null, """
                        SET DOCKER_TLS_VERIFY=1
                        SET DOCKER_HOST=tcp://192.0.2.10:2376
                        SET DOCKER_CERT_PATH=/home/me/.hm/machines/dev
                        SET DOCKER_MACHINE_NAME=dev
                        SET NO_PROXY=192.0.2.10
                        REM Run this command to configure your shell:\s
                        REM \t@FOR /f "tokens=*" %i IN ('hm env --shell cmd --no-proxy dev') DO @%i
                        """),
                Arguments.of(Shell.TCSH, "192.0.2.10", """
                        setenv DOCKER_TLS_VERIFY "1";
                        setenv DOCKER_HOST "tcp://192.0.2.10:2376";
                        setenv DOCKER_CERT_PATH "/home/me/.hm/machines/dev";
                        setenv DOCKER_MACHINE_NAME "dev";
                        setenv NO_PROXY "192.0.2.10";
                        : Run this command to configure your shell:\s
                        : eval `hm env --shell tcsh --no-proxy dev`
                        """),
                Arguments.of(Shell.EMACS, ".corp.example", """
                        (setenv "DOCKER_TLS_VERIFY" "1")
                        (setenv "DOCKER_HOST" "tcp://192.0.2.10:2376")
                        (setenv "DOCKER_CERT_PATH" "/home/me/.hm/machines/dev")
                        (setenv "DOCKER_MACHINE_NAME" "dev")
                        (setenv "NO_PROXY" ".corp.example,192.0.2.10")
                        ;; Run this command to configure your shell:\s
                        ;; (with-temp-buffer (shell-command "hm env --shell emacs --no-proxy dev" (current-buffer)) (eval-buffer))
                        """));
    }

    @ParameterizedTest(name = "{0} with NO_PROXY ''{1}''")
    @MethodSource
    void noProxyAddsTheMachineAddressToTheCurrentList(Shell shell, String currentNoProxy, String expected) {
        var settings = EnvSettings.forMachine(DEV, HOST, UNIX_PATH).withShell(shell).withNoProxy(currentNoProxy);

        assertThat(EnvScript.render(settings)).isEqualTo(expected);
    }

    static Stream<Arguments> unsettingWithNoProxyAlsoRemovesNoProxy() {
        return Stream.of(
                Arguments.of(Shell.BASH, "unset NO_PROXY\n# Run", "# eval $(hm env --shell bash --unset --no-proxy)\n"),
                Arguments.of(Shell.FISH, "set -e NO_PROXY;\n#", "# eval (hm env --shell fish --unset --no-proxy)\n"),
                Arguments.of(Shell.POWERSHELL, "Remove-Item Env:\\\\NO_PROXY\n#",
                        "# & hm env --shell powershell --unset --no-proxy | Invoke-Expression\n"),
                Arguments.of(Shell.CMD, "SET NO_PROXY=\nREM",
                        "REM \t@FOR /f \"tokens=*\" %i IN ('hm env --shell cmd --unset --no-proxy') DO @%i\n"),
                Arguments.of(Shell.TCSH, "unsetenv NO_PROXY;\n:", ": eval `hm env --shell tcsh --unset --no-proxy`\n"),
                Arguments.of(Shell.EMACS, "(setenv \"NO_PROXY\" nil)\n;;",
                        ";; (with-temp-buffer (shell-command \"hm env --shell emacs --unset --no-proxy\" "
                                + "(current-buffer)) (eval-buffer))\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unsettingWithNoProxyAlsoRemovesNoProxy(Shell shell, String noProxyLine, String hintEnd) {
        // The current value is not glued onto the variable name, as docker-machine did.
        var script = EnvScript.render(EnvSettings.forUnset().withShell(shell).withNoProxy("localhost"));

        assertThat(script).contains("DOCKER_MACHINE_NAME").contains(noProxyLine).endsWith(hintEnd)
                .doesNotContain("localhost");
    }

    @Test
    void withoutANamedShellTheOutputIsDockerMachinesDefaultBashOutputWithOurCommandName() {
        var script = EnvScript.render(EnvSettings.forMachine(DEV, HOST, UNIX_PATH));

        assertThat(script).isEqualTo("""
                export DOCKER_TLS_VERIFY="1"
                export DOCKER_HOST="tcp://192.0.2.10:2376"
                export DOCKER_CERT_PATH="/home/me/.hm/machines/dev"
                export DOCKER_MACHINE_NAME="dev"
                # Run this command to configure your shell:\s
                # eval $(hm env dev)
                """);
    }

    @Test
    void calledDockerMachineTheHintIsDockerMachinesOwn() {
        var settings = EnvSettings.forMachine(DEV, HOST, UNIX_PATH).withCommandName("docker-machine");

        assertThat(EnvScript.render(settings)).endsWith("# eval $(docker-machine env dev)\n");
        assertThat(EnvScript.render(EnvSettings.forUnset().withCommandName("docker-machine")))
                .endsWith("# eval $(docker-machine env --unset)\n");
    }

    static Stream<Arguments> aProgramPathWithSpacesIsQuotedInTheHintAsDockerMachineQuotesItsOwn() {
        return Stream.of(
                Arguments.of(Shell.POWERSHELL,
                        "# & \"C:\\Program Files\\hm\\hm.exe\" env --shell powershell dev | Invoke-Expression\n"),
                Arguments.of(Shell.CMD, "REM \t@FOR /f \"tokens=*\" %i IN ('\"C:\\Program Files\\hm\\hm.exe\" env "
                        + "--shell cmd dev') DO @%i\n"),
                // Inside the Lisp string the quotes and backslashes are escaped; docker-machine left them bare.
                Arguments.of(Shell.EMACS, ";; (with-temp-buffer (shell-command \"\\\"C:\\\\Program Files\\\\hm\\\\hm.exe\\\" "
                        + "env --shell emacs dev\" (current-buffer)) (eval-buffer))\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void aProgramPathWithSpacesIsQuotedInTheHintAsDockerMachineQuotesItsOwn(Shell shell, String hint) {
        var settings = EnvSettings.forMachine(DEV, HOST, WINDOWS_PATH).withShell(shell)
                .withCommandName("C:\\Program Files\\hm\\hm.exe");

        assertThat(EnvScript.render(settings)).endsWith(hint);
    }

    static Stream<Arguments> valuesAreEscapedSoTheShellReadsThemBackUnchanged() {
        var tricky = "/tmp/a \"b\" $HOME `x` c\\d e\\";
        return Stream.of(
                Arguments.of(Shell.BASH, tricky,
                        "export DOCKER_CERT_PATH=\"/tmp/a \\\"b\\\" \\$HOME \\`x\\` c\\d e\\\\\"\n"),
                Arguments.of(Shell.FISH, tricky,
                        "set -gx DOCKER_CERT_PATH \"/tmp/a \\\"b\\\" \\$HOME `x` c\\d e\\\\\";\n"),
                Arguments.of(Shell.POWERSHELL, "C:\\a \"b\" $x `y` \u201Cz\u201D",
                        "$Env:DOCKER_CERT_PATH = \"C:\\a `\"b`\" `$x ``y`` `\u201Cz`\u201D\"\n"),
                Arguments.of(Shell.EMACS, "C:\\a \"b\"", "(setenv \"DOCKER_CERT_PATH\" \"C:\\\\a \\\"b\\\"\")\n"),
                Arguments.of(Shell.BASH, "\\\\server\\share\\$x",
                        "export DOCKER_CERT_PATH=\"\\\\\\server\\share\\\\\\$x\"\n"),
                Arguments.of(Shell.CMD, "C:\\Program Files (x86)\\hm", "SET DOCKER_CERT_PATH=C:\\Program Files (x86)\\hm\n"),
                Arguments.of(Shell.TCSH, "/tmp/it's (here) a\\b", "setenv DOCKER_CERT_PATH \"/tmp/it's (here) a\\b\";\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void valuesAreEscapedSoTheShellReadsThemBackUnchanged(Shell shell, String certPath, String expectedLine) {
        var script = EnvScript.render(EnvSettings.forMachine(DEV, HOST, certPath).withShell(shell));

        assertThat(script).contains(expectedLine);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aLineBreakInTheCertPathIsRefusedForEveryShell(Shell shell) {
        assertThatThrownBy(() -> EnvScript.render(
                EnvSettings.forMachine(DEV, HOST, "/tmp/x\"\nrm -rf ~\n").withShell(shell)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The cert path must not contain control characters such as a line break or a tab; "
                        + "found U+000A at position 8. Remove it and ask again.");
    }

    @Test
    void aControlCharacterInTheCurrentNoProxyValueIsRefused() {
        assertThatThrownBy(() -> EnvSettings.forMachine(DEV, HOST, UNIX_PATH).withNoProxy("localhost\r"))
                .hasMessageStartingWith("the current NO_PROXY value must not contain control characters")
                .hasMessageContaining("U+000D");
    }

    static Stream<Arguments> valuesAShellCannotCarryAreRefusedNamingTheCharacter() {
        return Stream.of(
                Arguments.of(Shell.CMD, "C:\\a&b", "DOCKER_CERT_PATH cannot be written for cmd: it contains '&' "
                        + "(position 5) and cmd has no quoting that survives FOR /f. Choose a value without "
                        + "\" & | < > ^ % ! or use another shell."),
                Arguments.of(Shell.CMD, "C:\\100%", "DOCKER_CERT_PATH cannot be written for cmd: it contains '%'"),
                Arguments.of(Shell.TCSH, "/tmp/$x", "DOCKER_CERT_PATH cannot be written for tcsh: it contains '$' "
                        + "(position 6) and tcsh expands it even inside double quotes. Choose a value without "
                        + "\" $ ` ! { } or use another shell."),
                Arguments.of(Shell.TCSH, "/tmp/{a,b}", "it contains '{' (position 6)"),
                Arguments.of(Shell.TCSH, "/tmp/\"x\"", "it contains '\"' (position 6)"),
                Arguments.of(Shell.TCSH, "/tmp/a  b", "DOCKER_CERT_PATH cannot be written for tcsh: it has two spaces "
                        + "in a row (position 7), which tcsh's eval `…` turns into one."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void valuesAShellCannotCarryAreRefusedNamingTheCharacter(Shell shell, String certPath, String message) {
        assertThatThrownBy(() -> EnvScript.render(EnvSettings.forMachine(DEV, HOST, certPath).withShell(shell)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void noProxyKeepsTheListWhenItAlreadyNamesTheMachineAsAWholeEntry() {
        assertThat(NoProxyList.with("localhost, 192.0.2.10", "192.0.2.10")).isEqualTo("localhost, 192.0.2.10");
        // docker-machine's substring check took 192.0.2.1 as listed here.
        assertThat(NoProxyList.with("192.0.2.100", "192.0.2.1")).isEqualTo("192.0.2.100,192.0.2.1");
    }

    @Test
    void noProxyNamesAnIpv6MachineWithoutBrackets() {
        var settings = EnvSettings.forMachine(DEV, "tcp://[2001:db8::7]:2376", UNIX_PATH).withNoProxy("");

        assertThat(EnvScript.render(settings))
                .contains("export DOCKER_HOST=\"tcp://[2001:db8::7]:2376\"\n")
                .contains("export NO_PROXY=\"2001:db8::7\"\n");
    }

    @Test
    void aDockerHostThatIsNotTcpHostPortIsRefused() {
        assertThatThrownBy(() -> EnvSettings.forMachine(DEV, "https://192.0.2.10:2376/x", UNIX_PATH))
                .hasMessage("The docker host must look like tcp://HOST:PORT, e.g. tcp://192.0.2.10:2376; "
                        + "got 'https://192.0.2.10:2376/x'.");
        assertThatThrownBy(() -> EnvSettings.forMachine(DEV, "tcp://192.0.2.10", UNIX_PATH))
                .hasMessageStartingWith("The docker host must look like tcp://HOST:PORT");
    }

    @Test
    void aBlankCertPathIsRefusedSayingWhatItIsFor() {
        assertThatThrownBy(() -> EnvSettings.forMachine(DEV, HOST, " "))
                .hasMessage("The cert path must be given: it is the folder on the workstation that holds ca.pem, "
                        + "cert.pem and key.pem for this machine.");
    }

    @Test
    void aCommandNameThatCouldRunSomethingIsRefused() {
        var settings = EnvSettings.forMachine(DEV, HOST, UNIX_PATH);

        for (var name : new String[] {"hm; rm -rf ~", "hm`id`", "$(id)", "hm\nid", "", "hm & id", "hm'"}) {
            assertThatThrownBy(() -> settings.withCommandName(name))
                    .as(name)
                    .hasMessageStartingWith("The command name must be a program name or path of at most 200");
        }
    }
}

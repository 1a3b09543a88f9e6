package io.harbormaster.command.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OsReleaseTest {

    @Test
    void readsTheQuotedValues() {
        var os = OsRelease.parse("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        assertThat(os).isEqualTo(new OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)"));
    }

    @Test
    void replacesControlCharactersAHostWroteIntoTheFile() {
        var os = OsRelease.parse("PRETTY_NAME=\"Evil\u0000Linux\u001b[2J\"\nID=ev\u0007il\nVERSION_ID=1\u007f\n");
        assertThat(os.prettyName()).isEqualTo("Evil\uFFFDLinux\uFFFD[2J");
        assertThat(os.id()).isEqualTo("ev\uFFFDil");
        assertThat(os.versionId()).isEqualTo("1\uFFFD");
    }

    @Test
    void aFailureReasonQuotingHostOutputIsRecordedWithoutControlCharacters() {
        var failure = new ProvisioningException("install-docker", "apt-get failed:\nE: broken\u0000 package");
        assertThat(failure.getMessage()).isEqualTo("apt-get failed: E: broken\uFFFD package");
    }
}

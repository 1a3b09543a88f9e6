package io.harbormaster.workstation.dockermachine;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** SSH keys made by the real {@code ssh-keygen}, as users have them. */
final class SshKeys {

    private SshKeys() {
    }

    static void generate(Path file, String passphrase) throws Exception {
        var process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "test",
                "-f", file.toString()).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + new String(process.getInputStream().readAllBytes()));
        }
    }
}

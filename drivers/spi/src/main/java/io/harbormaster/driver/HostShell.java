package io.harbormaster.driver;

import java.time.Duration;
import java.util.Optional;

/**
 * An open SSH session to a machine's host, authenticated with the machine's stored key and checked against its
 * pinned host key. Drivers (through {@link DriverContext}) and the provisioner use it; close it when done. Failures
 * are {@link DriverException}s whose messages say what happened and hold no secret.
 */
public interface HostShell extends AutoCloseable {

    /** Runs {@code command} with stdin closed; answers its exit status and (bounded) output. */
    Result run(String command, Duration timeout);

    /** Writes {@code content} to {@code path} with the given permission bits, creating parent folders. */
    void upload(String path, byte[] content, int mode);

    /** The text of {@code path}, or empty when there is no such file. */
    Optional<String> read(String path);

    /** The host key's type, e.g. {@code ssh-ed25519}. */
    String hostKeyType();

    /** The host key's fingerprint, {@code SHA256:…} as {@code ssh-keygen -lf} prints it. */
    String hostKeyFingerprint();

    /** True when this session pinned the host key (nothing was pinned before). */
    boolean pinnedNow();

    @Override
    void close();

    /** What a command came to. */
    record Result(int exitStatus, String stdout, String stderr) {

        public boolean ok() {
            return exitStatus == 0;
        }

        /** The output to show a user when the command failed: stderr, else stdout, shortened. */
        public String failureText() {
            var text = stderr == null || stderr.isBlank() ? stdout : stderr;
            text = text == null ? "" : text.strip();
            return text.length() <= 500 ? text : text.substring(0, 500) + "…";
        }
    }
}

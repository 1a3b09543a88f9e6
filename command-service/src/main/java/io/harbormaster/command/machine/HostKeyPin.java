package io.harbormaster.command.machine;

import io.harbormaster.command.refusal.InvalidCommandException;
import java.util.List;
import java.util.regex.Pattern;

/** A host key a user pins: its type and its SHA-256 fingerprint as {@code ssh-keygen -lf} prints it. */
record HostKeyPin(String type, String fingerprint) {

    static final List<String> TYPES = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-rsa");
    // 32 bytes of SHA-256 in unpadded base64
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    static HostKeyPin of(String type, String fingerprint) {
        var cleanType = InvalidCommandException.requirePresent(type, "keyType").strip();
        if (!TYPES.contains(cleanType)) {
            throw new InvalidCommandException("keyType", "The key type must be one of " + String.join(", ", TYPES)
                    + " (the first word of the host's .pub file).");
        }
        var clean = InvalidCommandException.requirePresent(fingerprint, "fingerprint").strip();
        if (!FINGERPRINT.matcher(clean).matches()) {
            throw new InvalidCommandException("fingerprint", "The fingerprint must look like SHA256:… with 43 "
                    + "characters after the colon, as 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' prints it "
                    + "on the host.");
        }
        return new HostKeyPin(cleanType, clean);
    }
}

package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineName;

/**
 * The answer to {@link AuthorizeSshCertCommand}: the machine's name (for the key id), the fingerprint of the SSH user
 * CA its host trusts (the only one that may sign), and the host key pinned for its host.
 */
public record SshCertGrant(MachineName machineName, String caFingerprint, String hostKeyType,
                           String hostKeyFingerprint) {
}

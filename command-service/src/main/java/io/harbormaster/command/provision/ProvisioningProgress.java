package io.harbormaster.command.provision;

/** Where the provisioner reports progress: the machine's events, through the creation process. */
public interface ProvisioningProgress {

    /** Provisioning began on a host running {@code os}. */
    void started(String os);

    /** Step {@code number} of {@code total}, {@code step}, finished. */
    void stepCompleted(String step, int number, int total);

    /** The host's sshd trusts the machine's SSH user CA, read from {@code trustedKeysFile}. */
    void sshUserCaTrusted(String trustedKeysFile);

    /** The host's sshd could not be made to trust the machine's SSH user CA; provisioning goes on. */
    void sshUserCaRefused(String reason);
}

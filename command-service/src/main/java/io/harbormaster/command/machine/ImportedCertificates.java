package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;

/**
 * An imported machine's TLS material, as the import needs it without knowing the certificate authority: the
 * platform's CA code implements it. The material becomes the machine's own secret, so client certificates the
 * platform issues later come from the CA its daemon already trusts.
 */
public interface ImportedCertificates {

    /**
     * Checks the material as dockerd and the docker client will use it (the CA is a CA and its key its own, the
     * server certificate comes from it, is valid, names {@code dockerHost} and has its own key, the client
     * certificate comes from it); throws {@link MachineNotImportableException} naming the part at fault.
     *
     * @param serverRequired false only for docker-machine's none driver, whose daemon it never provisioned
     */
    void check(ImportedTls tls, String dockerHost, boolean serverRequired);

    /** Stores the checked material as the machine's first TLS secret version; answers what identifies it. */
    MachineCertificates store(MachineId machineId, ImportedTls tls);

    /** Forgets the machine's material, as when its import failed after it was stored. */
    void destroy(MachineId machineId);
}

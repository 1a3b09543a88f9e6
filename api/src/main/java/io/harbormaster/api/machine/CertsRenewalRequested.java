package io.harbormaster.api.machine;

import io.harbormaster.api.user.UserId;
import java.util.List;

/**
 * The machine decided to get new TLS material; the certificate process makes and stores it next and reports back
 * ({@link CertsRegenerated} or {@link CertsRenewalFailed}). Holds what the process needs, never a key: the material in
 * use ({@code current}, null for a first CA) is referred to by its secret store path and version.
 *
 * @param reason    {@code requested}, {@code handed-off} or {@code ip-changed}
 * @param keyAlgorithm the new CA's key algorithm, or null to keep the current one (or the platform's default)
 * @param handOffTo for a hand-off that revokes the previous holder: the new holder, handed the machine only once the
 *                  new CA is stored, so the hand-off and the revocation succeed or fail together; otherwise null
 * @param tlsSans   the extra names of the machine's engine options ({@code --tls-san}) the new server certificate
 *                  carries; empty in requests stored before they existed
 */
public record CertsRenewalRequested(MachineId machineId, String reason, boolean rotateCa, String keyAlgorithm,
                                    MachineName machineName, String dockerUrl, MachineCertificates current,
                                    UserId handOffTo, List<String> tlsSans) {

    public CertsRenewalRequested {
        tlsSans = tlsSans == null ? List.of() : List.copyOf(tlsSans);
    }

    /** Without extra names. */
    public CertsRenewalRequested(MachineId machineId, String reason, boolean rotateCa, String keyAlgorithm,
                                 MachineName machineName, String dockerUrl, MachineCertificates current,
                                 UserId handOffTo) {
        this(machineId, reason, rotateCa, keyAlgorithm, machineName, dockerUrl, current, handOffTo, null);
    }
}

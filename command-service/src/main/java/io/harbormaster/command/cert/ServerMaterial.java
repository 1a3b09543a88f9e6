package io.harbormaster.command.cert;

/** What dockerd needs on the machine: the CA certificate, its server certificate and key. Never printed. */
public record ServerMaterial(String caPem, String certPem, String keyPem) {

    @Override
    public String toString() {
        return "ServerMaterial[...]";
    }
}

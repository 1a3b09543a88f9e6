package io.harbormaster.workstation.dockermachine;

/**
 * The PEM texts of one machine of a docker-machine store: the store's CA ({@code certs/ca.pem}, {@code ca-key.pem}),
 * the machine's server certificate and key (null for a {@code none} machine, which docker-machine never provisions),
 * the workstation's client certificate and key, and the machine's SSH private key (null where none is used).
 * {@link #toString()} shows none of it.
 */
public record StoredMaterial(String caCert, String caKey, String serverCert, String serverKey, String clientCert,
                             String clientKey, String sshKey) {

    @Override
    public String toString() {
        return "StoredMaterial[" + (serverCert == null ? "CA and client" : "CA, server and client")
                + (sshKey == null ? "" : ", SSH key") + "]";
    }
}

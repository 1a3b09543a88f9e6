package io.harbormaster.command.machine;

/**
 * The TLS material of a machine brought in from docker-machine, as PEM text: the store's CA and its key, the machine's
 * server certificate and key (null for docker-machine's none driver, which never provisions) and the workstation's
 * client certificate, sent to show it comes from the same CA (its key never leaves the workstation). It travels only
 * inside the import command, on its way to the secret store; {@link #toString()} shows none of it.
 */
public record ImportedTls(String caCert, String caKey, String serverCert, String serverKey, String clientCert) {

    @Override
    public String toString() {
        return "ImportedTls[" + (serverCert == null ? "CA and client certificate" : "CA, server and client "
                + "certificates") + "]";
    }
}

package io.harbormaster.command.cert;

/**
 * Certificate material could not be made or read back: damaged PEM, a key that does not belong to its certificate,
 * a crypto provider failure. The message never holds key material or PEM text.
 */
public class CertificateAuthorityException extends RuntimeException {

    public CertificateAuthorityException(String message) {
        super(message);
    }

    public CertificateAuthorityException(String message, Throwable cause) {
        super(message, cause);
    }
}

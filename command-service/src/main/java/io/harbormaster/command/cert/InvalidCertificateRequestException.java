package io.harbormaster.command.cert;

/**
 * What was asked of the CA cannot be done as asked: an unknown key algorithm, a validity out of range, an address
 * that is neither an IP nor a DNS name. The message says what to change and may be shown to the user as is.
 */
public class InvalidCertificateRequestException extends IllegalArgumentException {

    public InvalidCertificateRequestException(String message) {
        super(message);
    }
}

package io.harbormaster.command.cert;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a machine's certificates are made: the key algorithm of its CA, how long the CA, the server certificate and
 * client certificates stay valid, and extra names the server certificate carries (docker-machine's
 * {@code --tls-san}).
 *
 * <p>The server certificate defaults to two years. It is re-issued whenever the machine's addresses change and
 * whenever the CA rotates (hand-off, unshare, removed member), so it rarely lives that long; the bound only matters
 * for a server key left behind on a forgotten disk or image, while being long enough that no machine loses its
 * daemon to a surprise expiry. Client certificates are short-lived because TLS to dockerd has no revocation: the
 * validity is the longest a departed member keeps access if the CA is not rotated.
 */
public record CertificatePolicy(
        KeyAlgorithm keyAlgorithm,
        Duration caValidity,
        Duration serverValidity,
        Duration clientValidity,
        List<String> extraSans) {

    public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);
    public static final Duration DEFAULT_SERVER_VALIDITY = Duration.ofDays(730);
    public static final Duration DEFAULT_CLIENT_VALIDITY = Duration.ofHours(24);
    public static final Duration MIN_CLIENT_VALIDITY = Duration.ofHours(1);
    public static final Duration MAX_CLIENT_VALIDITY = Duration.ofDays(7);
    static final Duration MIN_CA_VALIDITY = Duration.ofDays(30);
    static final Duration MAX_CA_VALIDITY = Duration.ofDays(30 * 365);
    static final Duration MIN_SERVER_VALIDITY = Duration.ofDays(1);

    public CertificatePolicy {
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        requireWithin("CA validity", caValidity, MIN_CA_VALIDITY, MAX_CA_VALIDITY);
        requireWithin("Server certificate validity", serverValidity, MIN_SERVER_VALIDITY, caValidity);
        checkClientValidity(clientValidity);
        extraSans = List.copyOf(Objects.requireNonNull(extraSans, "extraSans"));
        SubjectAlternativeNames.of(extraSans);
    }

    /** ECDSA P-256, a 10-year CA, 2-year server certificates, 24-hour client certificates, no extra names. */
    public static CertificatePolicy defaults() {
        return new CertificatePolicy(KeyAlgorithm.DEFAULT, DEFAULT_CA_VALIDITY, DEFAULT_SERVER_VALIDITY,
                DEFAULT_CLIENT_VALIDITY, List.of());
    }

    public CertificatePolicy withKeyAlgorithm(KeyAlgorithm algorithm) {
        return new CertificatePolicy(algorithm, caValidity, serverValidity, clientValidity, extraSans);
    }

    public CertificatePolicy withServerValidity(Duration validity) {
        return new CertificatePolicy(keyAlgorithm, caValidity, validity, clientValidity, extraSans);
    }

    public CertificatePolicy withClientValidity(Duration validity) {
        return new CertificatePolicy(keyAlgorithm, caValidity, serverValidity, validity, extraSans);
    }

    public CertificatePolicy withExtraSans(List<String> sans) {
        return new CertificatePolicy(keyAlgorithm, caValidity, serverValidity, clientValidity, sans);
    }

    /** Refuses a client certificate validity outside 1 hour to 7 days, saying what would be accepted. */
    static void checkClientValidity(Duration validity) {
        requireWithin("Client certificate validity", validity, MIN_CLIENT_VALIDITY, MAX_CLIENT_VALIDITY);
    }

    private static void requireWithin(String what, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new InvalidCertificateRequestException(what + " is missing; give a duration between "
                    + Durations.describe(min) + " and " + Durations.describe(max) + ".");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidCertificateRequestException(what + " must be between " + Durations.describe(min)
                    + " and " + Durations.describe(max) + "; got " + Durations.describe(value)
                    + ". Choose a validity in that range.");
        }
    }
}

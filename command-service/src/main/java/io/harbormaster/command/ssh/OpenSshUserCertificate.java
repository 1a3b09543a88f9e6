package io.harbormaster.command.ssh;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenSSH user certificate ({@code <type>-cert-v01@openssh.com}, OpenSSH's {@code PROTOCOL.certkeys}): a user's
 * public key signed by a machine's {@link SshUserCa}, valid for a few minutes, for the principals (login names) it
 * lists. Encoded by us field by field: nonce, the key's own fields, serial, type user (1), key id, principals, valid
 * after/before, no critical options, the extensions, an empty reserved field, the CA's public key and its Ed25519
 * signature over everything before it. {@link #line()} is what {@code ssh-keygen -s} writes to
 * {@code id_ed25519-cert.pub}. Holds nothing secret.
 */
public final class OpenSshUserCertificate {

    /** The certificate type of a user certificate. */
    static final int SSH_CERT_TYPE_USER = 1;
    /** How long a certificate is valid by default, from the moment it is signed. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** How far before the moment of signing a certificate is valid, so a host whose clock is behind accepts it. */
    public static final Duration DEFAULT_BACKDATING = Duration.ofMinutes(2);
    /** The longest lifetime the builder accepts: these certificates are meant to be short-lived. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);
    private static final int MAX_FIELD = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The extensions OpenSSH knows (PROTOCOL.certkeys); a certificate without one denies that feature. */
    public enum Extension {
        /** Allows an interactive terminal: {@code ssh host} and {@code hm ssh} need it. */
        PERMIT_PTY("permit-pty"),
        /** Allows {@code -L}/{@code -R} forwarding, e.g. of the Docker socket. */
        PERMIT_PORT_FORWARDING("permit-port-forwarding"),
        /** Allows {@code -A}: the host could then use the user's agent for as long as the session lasts. */
        PERMIT_AGENT_FORWARDING("permit-agent-forwarding"),
        PERMIT_X11_FORWARDING("permit-X11-forwarding"),
        PERMIT_USER_RC("permit-user-rc");

        private final String wireName;

        Extension(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * The extensions a certificate gets unless told otherwise: a terminal and port forwarding, what working on a
     * Docker host needs. Not agent forwarding (it would let anyone root on a shared team host use the user's agent),
     * not X11 forwarding, not {@code ~/.ssh/rc}.
     */
    public static final Set<Extension> DEFAULT_EXTENSIONS =
            Set.copyOf(EnumSet.of(Extension.PERMIT_PTY, Extension.PERMIT_PORT_FORWARDING));

    private final String type;
    private final byte[] blob;
    private final long serial;
    private final String keyId;
    private final List<String> principals;
    private final Instant validAfter;
    private final Instant validBefore;
    private final Set<Extension> extensions;
    private final String comment;
    private final String caFingerprint;

    private OpenSshUserCertificate(Builder builder, byte[] blob, String caFingerprint) {
        this.type = builder.key.certificateType();
        this.blob = blob;
        this.serial = builder.serial;
        this.keyId = builder.keyId;
        this.principals = List.copyOf(builder.principals);
        // what the certificate says, in whole seconds: the start rounded down, the end up, as they were encoded
        this.validAfter = Instant.ofEpochSecond(builder.validAfter.getEpochSecond());
        this.validBefore = Instant.ofEpochSecond(Builder.ceilSeconds(builder.validBefore));
        this.extensions = Set.copyOf(builder.extensions);
        this.comment = builder.comment;
        this.caFingerprint = caFingerprint;
    }

    /** A builder for a certificate of {@code key}; key id, principals and validity must be set before signing. */
    public static Builder forKey(SshUserPublicKey key) {
        return new Builder(Objects.requireNonNull(key, "key"));
    }

    /** The key id Harbormaster gives a user's certificate: {@code harbormaster:<username>:<machine>}. */
    public static String keyId(String username, String machine) {
        return "harbormaster:" + username + ":" + machine;
    }

    /** {@code <type>-cert-v01@openssh.com AAAA… [comment]}, the content of an {@code id_*-cert.pub} file. */
    public String line() {
        var line = type + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? line : line + " " + comment;
    }

    /** The certificate in SSH wire form. */
    public byte[] blob() {
        return blob.clone();
    }

    public String type() {
        return type;
    }

    public long serial() {
        return serial;
    }

    public String keyId() {
        return keyId;
    }

    public List<String> principals() {
        return principals;
    }

    /** From when it is valid, in whole seconds as the certificate holds it. */
    public Instant validAfter() {
        return validAfter;
    }

    /** Until when it is valid (exclusive), in whole seconds as the certificate holds it. */
    public Instant validBefore() {
        return validBefore;
    }

    public Set<Extension> extensions() {
        return extensions;
    }

    /** The fingerprint of the authority that signed it. */
    public String caFingerprint() {
        return caFingerprint;
    }

    @Override
    public String toString() {
        return "OpenSshUserCertificate[" + type + " serial " + Long.toUnsignedString(serial) + ", key id " + keyId
                + ", principals " + principals + ", valid " + validAfter + " to " + validBefore + ", CA "
                + caFingerprint + "]";
    }

    /** Collects a certificate's fields; {@link #signBy(SshUserCa)} checks them and signs. */
    public static final class Builder {

        private final SshUserPublicKey key;
        private long serial = RANDOM.nextLong() & Long.MAX_VALUE;
        private String keyId;
        private final List<String> principals = new ArrayList<>();
        private Instant validAfter;
        private Instant validBefore;
        private Set<Extension> extensions = DEFAULT_EXTENSIONS;
        private String comment = "";

        private Builder(SshUserPublicKey key) {
            this.key = key;
        }

        /** The serial number; a random positive one by default. */
        public Builder serial(long serial) {
            this.serial = serial;
            return this;
        }

        /** The key id, which sshd logs on each login: see {@link OpenSshUserCertificate#keyId(String, String)}. */
        public Builder keyId(String keyId) {
            this.keyId = requireText(keyId, "key id");
            return this;
        }

        /** The login names the certificate is good for (at least one: an empty list would mean any name). */
        public Builder principals(String... principals) {
            this.principals.clear();
            for (var principal : principals) {
                var checked = requireText(principal, "principal");
                if (checked.contains(",") || checked.contains(" ")) {
                    throw new IllegalArgumentException("a principal must not contain ',' or spaces: '" + checked + "'");
                }
                this.principals.add(checked);
            }
            return this;
        }

        /** Valid from {@code after} (inclusive) to {@code before} (exclusive, as sshd checks it). */
        public Builder validity(Instant after, Instant before) {
            this.validAfter = Objects.requireNonNull(after, "after");
            this.validBefore = Objects.requireNonNull(before, "before");
            return this;
        }

        /**
         * Valid from {@link #DEFAULT_BACKDATING} before now for {@code lifetime} after now, by {@code clock}.
         */
        public Builder validFor(Duration lifetime, Clock clock) {
            var now = clock.instant();
            return validity(now.minus(DEFAULT_BACKDATING), now.plus(lifetime));
        }

        /** The extensions; {@link OpenSshUserCertificate#DEFAULT_EXTENSIONS} when not set. */
        public Builder extensions(Set<Extension> extensions) {
            this.extensions = Set.copyOf(extensions);
            return this;
        }

        /** The comment after the certificate on its line; the key's own comment when not set. */
        public Builder comment(String comment) {
            this.comment = comment == null ? "" : requireText(comment, "comment");
            return this;
        }

        /** Checks the fields and signs them with {@code ca}. */
        public OpenSshUserCertificate signBy(SshUserCa ca) {
            Objects.requireNonNull(ca, "ca");
            if (keyId == null) {
                throw new IllegalStateException("a certificate needs a key id");
            }
            if (principals.isEmpty()) {
                throw new IllegalStateException("a certificate needs at least one principal: without, sshd would "
                        + "accept it for any user name");
            }
            if (validAfter == null || validBefore == null) {
                throw new IllegalStateException("a certificate needs a validity");
            }
            if (!validBefore.isAfter(validAfter)) {
                throw new IllegalStateException("a certificate's validity must end after it starts: " + validAfter
                        + " to " + validBefore);
            }
            if (Duration.between(validAfter, validBefore).compareTo(MAX_LIFETIME) > 0) {
                throw new IllegalStateException("a certificate may be valid for at most " + MAX_LIFETIME
                        + "; these certificates are meant to be short-lived");
            }
            if (validAfter.getEpochSecond() < 0) {
                throw new IllegalStateException("a certificate's validity must start after 1970");
            }
            if (comment.isEmpty()) {
                comment = key.comment().isEmpty() ? "" : requireText(key.comment(), "comment");
            }
            var nonce = new byte[32];
            RANDOM.nextBytes(nonce);
            var principalList = new SshWire();
            principals.forEach(principalList::string);
            var extensionList = new SshWire();
            // PROTOCOL.certkeys: extensions in lexical order, each with empty data for the flags defined so far.
            var names = new TreeSet<String>();
            extensions.forEach(extension -> names.add(extension.wireName()));
            names.forEach(name -> extensionList.string(name).string(new byte[0]));
            var signed = new SshWire()
                    .string(key.certificateType())
                    .string(nonce)
                    .raw(key.fieldsAfterType())
                    .uint64(serial)
                    .uint32(SSH_CERT_TYPE_USER)
                    .string(keyId)
                    .string(principalList.bytes())
                    .uint64(validAfter.getEpochSecond())
                    .uint64(ceilSeconds(validBefore))
                    .string(new byte[0]) // critical options: none
                    .string(extensionList.bytes())
                    .string(new byte[0]) // reserved
                    .string(ca.publicKeyBlob())
                    .bytes();
            var blob = new SshWire().raw(signed).string(ca.sign(signed)).bytes();
            return new OpenSshUserCertificate(this, blob, ca.fingerprint());
        }

        private static long ceilSeconds(Instant instant) {
            return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a certificate's " + what + " must not be empty");
            }
            if (value.length() > MAX_FIELD) {
                throw new IllegalArgumentException("a certificate's " + what + " is longer than " + MAX_FIELD
                        + " characters");
            }
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("a certificate's " + what + " must not contain control characters");
            }
            return value.strip();
        }
    }
}

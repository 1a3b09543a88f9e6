package io.harbormaster.command.ssh;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.DSAKey;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;

/**
 * Private keys as text: new Ed25519 keys written in OpenSSH's own format ({@code openssh-key-v1}, what
 * {@code ssh-keygen} writes), and keys read back, or imported, through sshj's readers. Errors say what kind of text was
 * given and how to fix it; they never quote it and never chain the reader's exception, whose message might.
 */
final class PrivateKeyText {

    static final int MIN_RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<Factory.Named<FileKeyProvider>> READERS = new DefaultConfig().getFileKeyProviderFactories();

    private PrivateKeyText() {
    }

    /**
     * A new Ed25519 key: the type OpenSSH itself prefers, with short keys and signatures, and supported for client
     * authentication by every OpenSSH since 6.5 and by sshj through the JDK's own Ed25519.
     */
    static SshKey generateEd25519() {
        var privateKey = new Ed25519PrivateKeyParameters(RANDOM);
        try {
            return parse(pem("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(privateKey)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a new Ed25519 key", e);
        }
    }

    /** Reads an unencrypted private key in OpenSSH or PEM (PKCS#1, SEC1, PKCS#8) form. */
    static SshKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSshKeyException("The SSH private key is empty: give the content of the private key "
                    + "file, which starts with -----BEGIN OPENSSH PRIVATE KEY-----.");
        }
        var normalized = text.strip().replace("\r\n", "\n") + "\n";
        var provider = readerFor(normalized);
        var probe = new PassphraseProbe();
        provider.init(new StringReader(normalized), probe);
        KeyPair keyPair;
        try {
            keyPair = new KeyPair(provider.getPublic(), provider.getPrivate());
        } catch (IOException | RuntimeException e) {
            if (probe.asked) {
                throw encrypted();
            }
            throw new InvalidSshKeyException("The SSH private key could not be read: it looks like a private key, "
                    + "but its content is damaged or incomplete, or its key type is not supported. Give the whole "
                    + "file as ssh-keygen writes it (ssh-keygen -t ed25519 -f <file>).");
        }
        if (probe.asked) {
            throw encrypted();
        }
        requireAccepted(keyPair);
        return new SshKey(keyPair, normalized);
    }

    private static FileKeyProvider readerFor(String text) {
        if (text.startsWith("ssh-") || text.startsWith("ecdsa-")) {
            throw new InvalidSshKeyException("This is an SSH public key; give the private key instead (the key "
                    + "file without .pub).");
        }
        KeyFormat format;
        try {
            format = KeyProviderUtil.detectKeyFileFormat(text, false);
        } catch (IOException e) {
            format = KeyFormat.Unknown;
        }
        return switch (format) {
            case OpenSSHv1, PKCS8 -> Factory.Named.Util.create(READERS, format.toString());
            case PuTTY -> throw new InvalidSshKeyException("This is a PuTTY key (.ppk); convert it to OpenSSH's "
                    + "format first: puttygen key.ppk -O private-openssh-new -o key");
            default -> throw new InvalidSshKeyException("The SSH private key is not in a known format: expected a "
                    + "file starting with -----BEGIN OPENSSH PRIVATE KEY----- (or a PEM RSA or EC private key).");
        };
    }

    private static void requireAccepted(KeyPair keyPair) {
        if (keyPair.getPublic() instanceof DSAKey) {
            throw new InvalidSshKeyException("The SSH key is a DSA key, which OpenSSH no longer accepts; make an "
                    + "Ed25519 key instead: ssh-keygen -t ed25519 -f <file>");
        }
        if (keyPair.getPublic() instanceof RSAKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new InvalidSshKeyException("The SSH key is an RSA key of " + rsa.getModulus().bitLength()
                    + " bits, too short to be safe; use at least " + MIN_RSA_BITS + " bits, or better an Ed25519 key: "
                    + "ssh-keygen -t ed25519 -f <file>");
        }
    }

    private static InvalidSshKeyException encrypted() {
        return new InvalidSshKeyException("The SSH private key is protected by a passphrase, which Harbormaster "
                + "cannot type in when it connects. Import an unencrypted copy, made with: "
                + "cp key key.unencrypted && ssh-keygen -p -N '' -f key.unencrypted");
    }

    private static String pem(String label, byte[] der) {
        var body = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** Notices when a reader asks for a passphrase, and gives none: an encrypted key is refused, not decrypted. */
    private static final class PassphraseProbe implements PasswordFinder {

        private boolean asked;

        @Override
        public char[] reqPassword(Resource<?> resource) {
            asked = true;
            throw new IllegalStateException("encrypted keys are refused");
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }
    }
}

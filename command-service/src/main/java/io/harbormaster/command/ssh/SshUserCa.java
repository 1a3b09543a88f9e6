package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;

/**
 * A machine's SSH user certificate authority: an Ed25519 key pair whose private half signs the machine's
 * {@link OpenSshUserCertificate}s, and whose public half, as {@link #publicKey()}, goes into the host's
 * {@code TrustedUserCAKeys}. Kept in the secret store by {@link MachineSshUserCas}. Only the public key and its
 * fingerprint are visible; the private key stays inside this package and {@link #toString()} never shows it.
 */
public final class SshUserCa {

    static final String KEY_TYPE = "ssh-ed25519";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MachineId machineId;
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKeyBlob;
    private final String fingerprint;

    private SshUserCa(MachineId machineId, Ed25519PrivateKeyParameters privateKey) {
        this.machineId = machineId;
        this.privateKey = privateKey;
        this.publicKeyBlob = new SshWire().string(KEY_TYPE).string(privateKey.generatePublicKey().getEncoded()).bytes();
        this.fingerprint = sha256(publicKeyBlob);
    }

    /** A new authority for {@code machineId}, with a new Ed25519 key. */
    static SshUserCa generate(MachineId machineId) {
        return new SshUserCa(machineId, new Ed25519PrivateKeyParameters(RANDOM));
    }

    /**
     * The authority whose private key {@code privateKeyText} holds, in OpenSSH's format as {@link #privateKeyText()}
     * writes it. The error never quotes the text nor chains the reader's exception.
     */
    static SshUserCa fromPrivateKeyText(MachineId machineId, String privateKeyText) {
        AsymmetricKeyParameter key;
        try {
            var body = privateKeyText.strip().lines().filter(line -> !line.startsWith("-----"))
                    .reduce("", String::concat);
            key = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(Base64.getMimeDecoder().decode(body));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the SSH user CA key of machine " + machineId.value()
                    + " in the secret store cannot be read: it is damaged; make a new one (which every host must "
                    + "then trust)");
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new IllegalStateException("the SSH user CA key of machine " + machineId.value()
                    + " in the secret store is not an Ed25519 key");
        }
        return new SshUserCa(machineId, ed25519);
    }

    /** The machine whose user certificates this authority signs. */
    public MachineId machineId() {
        return machineId;
    }

    /** The comment of {@link #publicKey()}: {@code harbormaster-user-ca-<machine id>}. */
    public String comment() {
        return "harbormaster-user-ca-" + machineId.value();
    }

    /** {@code ssh-ed25519 AAAA… harbormaster-user-ca-<machine id>}, one line for {@code TrustedUserCAKeys}. */
    public String publicKey() {
        return KEY_TYPE + " " + Base64.getEncoder().encodeToString(publicKeyBlob) + " " + comment();
    }

    /** {@code SHA256:…} of the public key, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The public key in SSH wire form, as a certificate's signature key. */
    byte[] publicKeyBlob() {
        return publicKeyBlob.clone();
    }

    /** An {@code ssh-ed25519} signature blob ({@code string "ssh-ed25519", string signature}) of {@code data}. */
    byte[] sign(byte[] data) {
        var signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(data, 0, data.length);
        return new SshWire().string(KEY_TYPE).string(signer.generateSignature()).bytes();
    }

    /** The private key in OpenSSH's format ({@code -----BEGIN OPENSSH PRIVATE KEY-----}), to store. */
    String privateKeyText() {
        byte[] der;
        try {
            der = OpenSSHPrivateKeyUtil.encodePrivateKey(privateKey);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the SSH user CA key of machine " + machineId.value());
        }
        var body = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }

    static String sha256(byte[] blob) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SshUserCa[machine " + machineId.value() + ", " + KEY_TYPE + " " + fingerprint + "]";
    }
}

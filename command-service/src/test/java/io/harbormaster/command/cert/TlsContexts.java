package io.harbormaster.command.cert;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** SSL contexts built from the PEM text that goes to a machine or into a client bundle, as Java would load them. */
final class TlsContexts {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    /** Presents {@code certificatePem} with {@code keyPem} and trusts only {@code caPem}. */
    static SSLContext of(String certificatePem, String keyPem, String caPem) throws GeneralSecurityException {
        var identity = emptyStore();
        identity.setKeyEntry("identity", Pem.readPrivateKey(keyPem), IN_MEMORY,
                new Certificate[] {Pem.readCertificate(certificatePem)});
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, IN_MEMORY);
        var context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trusting(caPem).getTrustManagers(), null);
        return context;
    }

    /** Presents no certificate at all and trusts only {@code caPem}. */
    static SSLContext anonymous(String caPem) throws GeneralSecurityException {
        var context = SSLContext.getInstance("TLS");
        context.init(null, trusting(caPem).getTrustManagers(), null);
        return context;
    }

    private static TrustManagerFactory trusting(String caPem) throws GeneralSecurityException {
        var trust = emptyStore();
        trust.setCertificateEntry("ca", Pem.readCertificate(caPem));
        var factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trust);
        return factory;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}

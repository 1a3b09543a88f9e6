package io.harbormaster.command.cert;

import io.harbormaster.api.machine.ClientMaterial;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An {@link SSLContext} that trusts only a machine's CA and presents a client certificate of it. */
public final class MutualTls {

    private MutualTls() {
    }

    public static SSLContext clientContext(ClientMaterial material) {
        try {
            var ca = Pem.readCertificate(material.caPem());
            var password = new char[0];
            var keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", Pem.readPrivateKey(material.keyPem()), password,
                    new Certificate[] {Pem.readCertificate(material.certPem()), ca});
            var trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", ca);
            var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            var context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CertificateAuthorityException("Could not build a TLS context from the machine's material ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }
}

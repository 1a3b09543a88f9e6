package io.harbormaster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.ClientMaterial;
import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.IssuedClientCertificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issued client material ends up in logs and exception messages by accident; its PEM text must not. */
class ClientMaterialTest {

    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n";
    private static final String CERT = "-----BEGIN CERTIFICATE-----\nY2VydA==\n-----END CERTIFICATE-----\n";

    @Test
    void theMaterialShowsItsSerialAndExpiryButNoPemText() {
        var material = new ClientMaterial(CERT, CERT, KEY, "0a1b", Instant.parse("2026-03-02T12:00:00Z"));

        assertThat(material.toString())
                .isEqualTo("ClientMaterial[serial=0a1b, notAfter=2026-03-02T12:00:00Z]")
                .doesNotContain("BEGIN", "c2VjcmV0", "Y2VydA==");
    }

    @Test
    void theIssuedCertificateShowsTheEndpointButNoPemTextEither() {
        var issued = new IssuedClientCertificate(new DockerEndpoint("web-1", "tcp://192.0.2.10:2376"),
                new ClientMaterial(CERT, CERT, KEY, "0a1b", Instant.parse("2026-03-02T12:00:00Z")));

        assertThat(issued.toString())
                .contains("web-1", "tcp://192.0.2.10:2376", "serial=0a1b")
                .doesNotContain("BEGIN", "c2VjcmV0", "Y2VydA==");
    }
}

package io.harbormaster.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real CA with a client certificate and a server certificate for 127.0.0.1, made with the openssl command
 * (ECDSA P-256, as the platform's machine CAs), so the Docker client and the JDK load them as they would ours.
 */
record TestPki(Path folder, TlsMaterial client, String serverCertPem, String serverKeyPem) {

    /** Makes the files in {@code folder}; skips the calling test when openssl is not installed. */
    static TestPki create(Path folder) {
        var openssl = LocalTools.find("openssl");
        assumeTrue(openssl.isPresent(), "openssl is not installed (apt-get install openssl): cannot make test PEMs");
        var bin = openssl.get().toString();
        write(folder.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        write(folder.resolve("server.ext"), "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n");
        openssl(folder, bin, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=hm test machine CA");
        for (var name : List.of("client", "server")) {
            openssl(folder, bin, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", name + "-key.pem", "-out", name + ".csr", "-subj", "/CN=hm test " + name);
            openssl(folder, bin, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                    "-set_serial", name.equals("client") ? "1001" : "1002", "-out", name + ".pem", "-days", "2",
                    "-extfile", name + ".ext");
        }
        var client = new TlsMaterial(read(folder.resolve("ca.pem")), read(folder.resolve("client.pem")),
                read(folder.resolve("client-key.pem")));
        return new TestPki(folder, client, read(folder.resolve("server.pem")), read(folder.resolve("server-key.pem")));
    }

    @Override
    public String toString() {
        return "TestPki[" + folder + "]";
    }

    private static void openssl(Path folder, String bin, String... arguments) {
        var command = new java.util.ArrayList<String>();
        command.add(bin);
        command.addAll(List.of(arguments));
        var result = LocalTools.run(command, Map.of(), folder);
        assertThat(result.exitCode()).as("openssl %s: %s", arguments[0], result.output()).isZero();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

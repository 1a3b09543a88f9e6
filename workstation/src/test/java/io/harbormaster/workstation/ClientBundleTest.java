package io.harbormaster.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacks the bundles with the real tar and unzip; a tool this machine lacks is skipped with a reason. */
class ClientBundleTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T12:34:56Z");

    @TempDir
    static Path pkiFolder;
    static TlsMaterial material;

    @TempDir
    Path folder;

    @BeforeAll
    static void makeCertificates() {
        material = TestPki.create(pkiFolder).client();
    }

    @Test
    void tarUnpacksIntoTheFolderWithTheKeyReadableByItsOwnerOnly() throws IOException {
        var tar = requireTool("tar");
        var bundle = Files.write(folder.resolve("dev.tar"), ClientBundle.inFolder("dev", material, ISSUED).tar());
        var out = Files.createDirectory(folder.resolve("out"));

        var result = LocalTools.run(List.of(tar, "--no-same-owner", "-xpf", bundle.toString(), "-C", out.toString()),
                Map.of(), folder);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertUnpacked(out.resolve("dev"));
    }

    @Test
    void zipUnpacksIntoTheFolderWithTheKeyReadableByItsOwnerOnly() throws IOException {
        var unzip = requireTool("unzip");
        var bundle = Files.write(folder.resolve("dev.zip"), ClientBundle.inFolder("dev", material, ISSUED).zip());
        var out = Files.createDirectory(folder.resolve("out"));

        // In another time zone than the writer's: the times come back exact from the zip's UTC timestamp field.
        var result = LocalTools.run(List.of(unzip, "-q", bundle.toString(), "-d", out.toString()),
                Map.of("TZ", "America/New_York"), folder);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertUnpacked(out.resolve("dev"));
    }

    @Test
    void withoutAFolderTheFilesSitAtTheTop() {
        var tar = requireTool("tar");
        var unzip = requireTool("unzip");
        var flat = ClientBundle.flat(material, ISSUED);

        var tarList = LocalTools.run(List.of(tar, "-tf", write("flat.tar", flat.tar())), Map.of(), folder);
        var zipList = LocalTools.run(List.of(unzip, "-Z1", write("flat.zip", flat.zip())), Map.of(), folder);

        assertThat(tarList.output()).isEqualTo("ca.pem\ncert.pem\nkey.pem\n");
        assertThat(zipList.output()).isEqualTo("ca.pem\ncert.pem\nkey.pem\n");
    }

    @Test
    void theTarIsUstar() {
        var tar = ClientBundle.flat(material, ISSUED).tar();

        assertThat(new String(Arrays.copyOfRange(tar, 257, 265), StandardCharsets.US_ASCII)).isEqualTo("ustar\u000000");
        assertThat(tar.length % 512).isZero();
    }

    @Test
    void theSameMaterialGivesTheSameBytesWhateverTheServersTimeZone() {
        var bundle = ClientBundle.inFolder("dev", material, ISSUED);
        var tar = bundle.tar();
        var zip = bundle.zip();
        var zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            assertThat(bundle.tar()).isEqualTo(tar);
            assertThat(bundle.zip()).isEqualTo(zip);
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void aFolderThatIsNotOnePlainNameIsRefused() {
        for (var bad : List.of("../etc", "a/b", ".hidden", "a b", "/abs")) {
            assertThatThrownBy(() -> ClientBundle.inFolder(bad, material, ISSUED))
                    .as(bad)
                    .hasMessageStartingWith("The bundle folder must be one plain name");
        }
    }

    @Test
    void neitherTheBundleNorTheMaterialShowsPemText() {
        var keyLine = material.keyPem().lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

        assertThat(ClientBundle.flat(material, ISSUED).toString()).doesNotContain("BEGIN").doesNotContain(keyLine);
        assertThat(material.toString()).matches("TlsMaterial\\[ca.pem=\\d+ chars, cert.pem=\\d+ chars, "
                + "key.pem=\\(hidden\\)]");
        assertThat(ArchiveEntry.file("key.pem", material.key(), 0600).toString())
                .isEqualTo("ArchiveEntry[key.pem, 600, " + material.key().length + " bytes]");
    }

    @Test
    void refusalsOfTheMaterialDoNotQuoteIt() {
        var secret = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nTOPSECRETBASE64\n-----END ENCRYPTED PRIVATE KEY-----\n";

        assertThatThrownBy(() -> new TlsMaterial(material.caPem(), material.certPem(), secret))
                .hasMessage("key.pem is an encrypted private key, which the Docker client cannot load. Issue the "
                        + "client certificate with an unencrypted key.");
        assertThatThrownBy(() -> new TlsMaterial(material.caPem(), material.certPem(), "TOPSECRET"))
                .hasMessageNotContaining("TOPSECRET")
                .hasMessageStartingWith("key.pem must be PEM text holding a private key");
        assertThatThrownBy(() -> new TlsMaterial(material.keyPem(), material.certPem(), material.keyPem()))
                .hasMessageStartingWith("ca.pem must be PEM text holding a certificate")
                .hasMessageNotContaining(keyBody());
    }

    private static String keyBody() {
        return material.keyPem().lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
    }

    private void assertUnpacked(Path dev) throws IOException {
        assertThat(Files.readString(dev.resolve("ca.pem"))).isEqualTo(material.caPem());
        assertThat(Files.readString(dev.resolve("cert.pem"))).isEqualTo(material.certPem());
        assertThat(Files.readString(dev.resolve("key.pem"))).isEqualTo(material.keyPem());
        assertThat(permissions(dev)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(dev.resolve("ca.pem"))).isEqualTo("rw-r--r--");
        assertThat(permissions(dev.resolve("cert.pem"))).isEqualTo("rw-r--r--");
        assertThat(permissions(dev.resolve("key.pem"))).isEqualTo("rw-------");
        for (var file : List.of("ca.pem", "cert.pem", "key.pem")) {
            assertThat(Files.getLastModifiedTime(dev.resolve(file)).toInstant()).as(file).isEqualTo(ISSUED);
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private String write(String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String requireTool(String name) {
        var tool = LocalTools.find(name);
        assumeTrue(tool.isPresent(), name + " is not installed on this machine (apt-get install " + name
                + "): skipping the unpack check");
        return tool.get().toString();
    }
}

package io.harbormaster.workstation;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive {@code docker context export} writes and {@code docker context import NAME FILE} reads: a tar with
 * {@code meta.json} and the endpoint's TLS files under {@code tls/docker/}. The layout follows the Docker CLI's context
 * store: {@code meta.json} holds {@code Name}, {@code Metadata.Description} and the {@code docker} endpoint's
 * {@code Host} and {@code SkipTLSVerify}; the TLS files are {@code ca.pem}, {@code cert.pem} and {@code key.pem},
 * mode {@code 0600} in folders of mode {@code 0700}, as docker's own export writes them. The import names the context
 * itself, so {@code Name} is only informative.
 *
 * @param contextName the name written into {@code meta.json}, usually the machine name
 * @param description shown by {@code docker context ls}; empty for none
 * @param dockerHost the daemon address, {@code tcp://HOST:PORT}
 * @param material the PEM files for the endpoint
 * @param modified the modification time of every entry, so the same inputs give the same bytes
 */
public record DockerContextExport(String contextName, String description, String dockerHost, TlsMaterial material,
        Instant modified) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public DockerContextExport {
        Objects.requireNonNull(contextName, "contextName");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(modified, "modified");
        description = description == null ? "" : description;
        TextRules.refuseControlCharacters("The context name", contextName);
        TextRules.refuseControlCharacters("The context description", description);
        DockerHost.hostOf(dockerHost);
    }

    /** Writes the archive; the stream is left open. */
    public void writeTo(OutputStream out) {
        var entries = List.of(
                ArchiveEntry.file("meta.json", metaJson().getBytes(StandardCharsets.UTF_8), 0644),
                ArchiveEntry.directory("tls", 0700),
                ArchiveEntry.directory("tls/docker", 0700),
                ArchiveEntry.file("tls/docker/ca.pem", material.ca(), 0600),
                ArchiveEntry.file("tls/docker/cert.pem", material.cert(), 0600),
                ArchiveEntry.file("tls/docker/key.pem", material.key(), 0600));
        Archives.writeTar(entries, modified, out);
    }

    /** The archive as bytes, for a file named {@code NAME.dockercontext}. */
    public byte[] toBytes() {
        var bytes = new ByteArrayOutputStream();
        writeTo(bytes);
        return bytes.toByteArray();
    }

    /** {@code meta.json}, in the field order the Docker CLI writes it. */
    String metaJson() {
        var endpoint = new LinkedHashMap<String, Object>();
        endpoint.put("Host", dockerHost);
        endpoint.put("SkipTLSVerify", false);
        var meta = new LinkedHashMap<String, Object>();
        meta.put("Name", contextName);
        // Like docker's own export: an empty description is left out, giving "Metadata":{}.
        meta.put("Metadata", description.isEmpty() ? Map.of() : Map.of("Description", description));
        meta.put("Endpoints", Map.of("docker", endpoint));
        return JSON.writeValueAsString(meta);
    }
}

package io.harbormaster.standalone.downloads;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves hm without sign-in (package description). Not part of the REST API: hidden from the OpenAPI description.
 * The server's address written into the page and the installer is {@code harbormaster.public-url} when set, else
 * the one the request came to (which honours {@code X-Forwarded-*} when {@code server.forward-headers-strategy} says
 * so, as for every other URL the platform builds).
 */
@Hidden
@RestController
class DownloadsController {

    // What may be written into a shell script between single quotes: a plain http(s) URL, nothing to escape.
    private static final Pattern SAFE_BASE = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._~\\-]+)*");
    private static final Pattern SAFE_VERSION = Pattern.compile("[A-Za-z0-9._+\\-]{1,64}");
    private static final MediaType SHELL = new MediaType("text", "x-shellscript", StandardCharsets.UTF_8);

    private final Downloads downloads;
    private final String publicUrl;
    private final String installTemplate;

    DownloadsController(Downloads downloads, @Value("${harbormaster.public-url:}") String publicUrl) {
        this.downloads = downloads;
        this.publicUrl = publicUrl.strip();
        try (var in = DownloadsController.class.getResourceAsStream("install.sh")) {
            this.installTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/downloads", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        var server = serverUrl(request);
        if (server == null) {
            return unusableAddress();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(DownloadsPage.render(server, downloads.catalog()));
    }

    @GetMapping("/install.sh")
    ResponseEntity<String> installScript(HttpServletRequest request) {
        var server = serverUrl(request);
        if (server == null) {
            return unusableAddress();
        }
        var version = downloads.catalog().version();
        if (!SAFE_VERSION.matcher(version).matches() || downloads.catalog().files().isEmpty()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                    .body("echo 'hm install: this Harbormaster server was built without the hm downloads' >&2; exit 1\n");
        }
        var script = installTemplate.replace("@SERVER@", server).replace("@VERSION@", version);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(SHELL).body(script);
    }

    @GetMapping("/downloads/SHA256SUMS")
    ResponseEntity<String> sums() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(downloads.catalog().sha256Sums());
    }

    @GetMapping("/downloads/{name}")
    ResponseEntity<InputStreamResource> file(@PathVariable String name) {
        var described = downloads.catalog().file(name);
        var content = described.flatMap(file -> downloads.open(name));
        if (content.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        InputStream in = content.get();
        var type = switch (name) {
            case Downloads.JAR -> MediaType.parseMediaType("application/java-archive");
            case Downloads.LAUNCHER -> SHELL;
            default -> MediaType.parseMediaType("application/gzip");
        };
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(described.get().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .cacheControl(CacheControl.noCache())
                .eTag("\"" + described.get().sha256() + "\"")
                .body(new InputStreamResource(in));
    }

    /** This server's base URL as a workstation reaches it, or null when it is not a plain http(s) URL. */
    private String serverUrl(HttpServletRequest request) {
        var base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                : publicUrl;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        var slash = base.indexOf('/', base.indexOf("://") + 3);
        var origin = slash < 0 ? base : base.substring(0, slash);
        var path = slash < 0 ? "" : base.substring(slash);
        return SAFE_BASE.matcher(origin).matches() && SAFE_PATH.matcher(path).matches() ? base : null;
    }

    private static ResponseEntity<String> unusableAddress() {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                .body("This server's address is not a plain http(s) URL; set harbormaster.public-url.\n");
    }
}

package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hm onto a workstation from the running platform, as a user gets it: {@code curl -fsSL <server>/install.sh | sh},
 * without signing in, then the installed {@code hm} run as a process. Once with a Java 21+ on PATH (hm.jar and the
 * launcher), once with no Java on PATH (the self-contained bundle, whose AOT cache must still be used although the
 * bundle now lives somewhere else than where it was built), a download that does not match the published SHA-256,
 * and the launcher's message when there is no Java at all.
 */
class HmDownloadsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What install.sh and the launcher need of a workstation, without java. */
    private static final List<String> TOOLS = List.of("sh", "curl", "sha256sum", "sed", "cut", "uname", "mktemp",
            "rm", "mkdir", "mv", "tar", "gzip", "ln", "chmod", "readlink", "cksum", "cat");

    private static RunningPlatform platform;
    private static String version;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void thePageAndTheFilesNeedNoSignInAndPublishTheirSha256() throws Exception {
        var page = get("/downloads");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        var html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("curl -fsSL " + platform.baseUrl() + "/install.sh | sh")
                .contains("hm login " + platform.baseUrl());

        var sums = new String(get("/downloads/SHA256SUMS").body(), StandardCharsets.UTF_8);
        for (var name : List.of("hm.jar", "hm", "hm-linux-x64.tar.gz")) {
            var file = get("/downloads/" + name);
            assertThat(file.statusCode()).as(name).isEqualTo(200);
            var sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body()));
            assertThat(sums).as("SHA256SUMS").contains(sha256 + "  " + name + "\n");
            assertThat(html).as("the page").contains(sha256).contains(">" + name + "<");
        }
        assertThat(get("/downloads/nothing-like-this").statusCode()).isEqualTo(404);
        var script = new String(get("/install.sh").body(), StandardCharsets.UTF_8);
        assertThat(script).startsWith("#!/bin/sh").contains("server='" + platform.baseUrl() + "'")
                .doesNotContain("@SERVER@", "@VERSION@");
    }

    @Test
    void withJavaOnPathInstallsTheJarAndTheLauncher() throws Exception {
        var bin = home.resolve(".local/bin");
        var path = toolsWithoutJava() + ":" + javaOnly();
        var install = runInstaller(platform.baseUrl(), path, Map.of());
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.err()).contains("installed hm.jar and its launcher")
                .contains(bin + " is not on your PATH").contains("export PATH=\"" + bin + ":$PATH\"");

        var hm = bin.resolve("hm");
        assertThat(Files.isSymbolicLink(hm)).isTrue();
        assertThat(Files.readSymbolicLink(hm).toString()).endsWith("/harbormaster/hm-" + version() + "/hm");
        var run = run(List.of(hm.toString(), "version", "--client"), path, Map.of());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("hm version " + version() + "\n");
        assertThat(run.err()).isEmpty();
        // the installer's own check ran hm once: the launcher's class data sharing archive exists from then on
        try (var archives = Files.list(home.resolve(".cache/harbormaster"))) {
            assertThat(archives.map(p -> p.getFileName().toString()).toList())
                    .singleElement().satisfies(name -> assertThat(name).startsWith("hm-" + version() + "-java-").endsWith(".jsa"));
        }
        var sharing = run(List.of(hm.toString(), "version", "--client"), path,
                Map.of("HM_JAVA_OPTIONS", "-Xshare:on"));
        assertThat(sharing.exitCode()).as("the archive is usable: " + sharing.err()).isZero();

        // the same launcher on a workstation without any Java: one clear line, no Java started
        var noJava = run(List.of(hm.toString(), "version", "--client"), toolsWithoutJava(), Map.of());
        assertThat(noJava.exitCode()).isEqualTo(1);
        assertThat(noJava.out()).isEmpty();
        assertThat(noJava.err()).startsWith("hm: hm needs Java 21 or newer and found no Java (HM_JAVA and JAVA_HOME "
                + "are unset, no java on PATH). Install a JDK or JRE 21 or newer").hasLineCount(1);
    }

    @Test
    void withoutJavaInstallsTheSelfContainedBundleWhoseAotCacheIsUsedWhereverItLies() throws Exception {
        var path = toolsWithoutJava();
        var install = runInstaller(platform.baseUrl(), path, Map.of());
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.err()).contains("installed the self-contained hm");

        var hm = home.resolve(".local/bin/hm");
        var bundle = home.resolve(".local/share/harbormaster/hm-" + version());
        assertThat(Files.readSymbolicLink(hm)).isEqualTo(bundle.resolve("bin/hm"));
        assertThat(bundle.resolve("lib/hm.aot")).isRegularFile();
        var run = run(List.of(hm.toString(), "version", "--client"), path, Map.of());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("hm version " + version() + "\n");

        // -XX:AOTMode=on makes the JVM refuse to start when it cannot use the cache (JDK 25); the bundle was made in
        // cli/target and unpacked here, so this also proves the cache survives the move
        var strict = run(List.of(hm.toString(), "version", "--client"), path,
                Map.of("HM_JAVA_OPTIONS", "-XX:AOTMode=on -Xlog:class+load=info:stderr"));
        assertThat(strict.exitCode()).as(strict.err()).isZero();
        assertThat(strict.err()).contains("io.harbormaster.cli.HmCommand source: shared objects file")
                .contains("picocli.CommandLine source: shared objects file");
    }

    @Test
    void aDownloadThatDoesNotMatchItsPublishedSha256IsRefusedAndNothingIsInstalled() throws Exception {
        try (var tampering = new TamperingServer(platform.baseUrl(), "/downloads/hm.jar")) {
            var install = runInstaller(tampering.url(), toolsWithoutJava() + ":" + javaOnly(), Map.of());
            assertThat(install.exitCode()).isNotZero();
            assertThat(install.err()).contains("hm.jar from " + tampering.url() + " is damaged or not what the server published");
        }
        assertThat(home.resolve(".local/bin/hm")).doesNotExist();
        assertThat(home.resolve(".local/share/harbormaster/hm-" + version())).doesNotExist();
    }

    // --- the workstation -------------------------------------------------------------------------------------

    private Result runInstaller(String server, String path, Map<String, String> extra) throws Exception {
        var script = new String(get("/install.sh").body(), StandardCharsets.UTF_8)
                .replace("server='" + platform.baseUrl() + "'", "server='" + server + "'");
        var file = home.resolve("install.sh");
        Files.writeString(file, script);
        return run(List.of(which("sh"), file.toString()), path, extra);
    }

    private Result run(List<String> command, String path, Map<String, String> extra) throws Exception {
        var process = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> environment = process.environment();
        environment.clear();
        environment.put("HOME", home.toString());
        environment.put("PATH", path);
        environment.put("TMPDIR", Files.createDirectories(home.resolve("tmp")).toString());
        environment.putAll(extra);
        var started = process.start();
        started.getOutputStream().close();
        var out = started.inputReader(StandardCharsets.UTF_8);
        var err = started.errorReader(StandardCharsets.UTF_8);
        var collected = new String[2];
        var outText = Thread.ofVirtual().start(() -> collected[0] = readAll(out));
        var errText = Thread.ofVirtual().start(() -> collected[1] = readAll(err));
        assertThat(started.waitFor(180, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
        outText.join();
        errText.join();
        return new Result(started.exitValue(), collected[0], collected[1]);
    }

    private static String readAll(java.io.BufferedReader reader) {
        try {
            var text = new StringBuilder();
            for (int c; (c = reader.read()) >= 0; ) {
                text.append((char) c);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of links to the tools a workstation has, and no java among them. */
    private String toolsWithoutJava() throws IOException {
        var tools = home.resolve("tools");
        if (!Files.isDirectory(tools)) {
            Files.createDirectories(tools);
            for (var tool : TOOLS) {
                Files.createSymbolicLink(tools.resolve(tool), Path.of(which(tool)));
            }
        }
        return tools.toString();
    }

    /** A folder holding only a java: the one running this test (21 or newer). */
    private String javaOnly() throws IOException {
        var java = home.resolve("java-only");
        if (!Files.isDirectory(java)) {
            Files.createDirectories(java);
            Files.createSymbolicLink(java.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        return java.toString();
    }

    private static String which(String tool) {
        for (var dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
            var candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("this test needs " + tool + " on the machine");
    }

    private static String version() throws Exception {
        if (version == null) {
            var script = new String(get("/install.sh").body(), StandardCharsets.UTF_8);
            var matcher = java.util.regex.Pattern.compile("(?m)^version='([^']+)'$").matcher(script);
            assertThat(matcher.find()).isTrue();
            version = matcher.group(1);
        }
        return version;
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return fetch(platform.baseUrl() + path);
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Passes every request on to the platform, but flips a byte in the middle of one file. */
    private static final class TamperingServer implements AutoCloseable {

        private final HttpServer server;

        TamperingServer(String upstream, String tampered) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try {
                    var path = exchange.getRequestURI().getPath();
                    var answer = fetch(upstream + path);
                    var body = answer.body();
                    if (path.equals(tampered) && body.length > 0) {
                        body = body.clone();
                        body[body.length / 2] ^= 0x20;
                    }
                    exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
                    try (var out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (Exception e) {
                    exchange.sendResponseHeaders(502, -1);
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

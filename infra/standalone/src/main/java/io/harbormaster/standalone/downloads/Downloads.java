package io.harbormaster.standalone.downloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarInputStream;
import org.springframework.stereotype.Component;

/**
 * The files of {@code hm} this platform serves, read from its class path ({@code harbormaster-downloads/}), with
 * their sizes and SHA-256 sums, computed once on first use (about 50 MB to read).
 */
@Component
class Downloads {

    static final String LOCATION = "harbormaster-downloads/";
    static final String JAR = "hm.jar";
    static final String LAUNCHER = "hm";
    static final String BUNDLE = "hm-linux-x64.tar.gz";
    static final List<String> FILES = List.of(JAR, LAUNCHER, BUNDLE);

    /** One file: its name, size in bytes and SHA-256 (lower-case hex). */
    record File(String name, long size, String sha256) {
    }

    /** What is served: the files that are there, and hm's version (from hm.jar's manifest). */
    record Catalog(String version, List<File> files) {

        Optional<File> file(String name) {
            return files.stream().filter(file -> file.name().equals(name)).findFirst();
        }

        /** In the format of {@code sha256sum}, which {@code sha256sum -c} checks. */
        String sha256Sums() {
            var sums = new StringBuilder();
            files.forEach(file -> sums.append(file.sha256()).append("  ").append(file.name()).append('\n'));
            return sums.toString();
        }
    }

    private final ClassLoader classLoader = Downloads.class.getClassLoader();
    private volatile Catalog catalog;

    Catalog catalog() {
        var known = catalog;
        if (known == null) {
            synchronized (this) {
                known = catalog;
                if (known == null) {
                    known = read();
                    catalog = known;
                }
            }
        }
        return known;
    }

    /** The file's content, if this build has it; the caller closes the stream. */
    Optional<InputStream> open(String name) {
        return FILES.contains(name) ? Optional.ofNullable(classLoader.getResourceAsStream(LOCATION + name))
                : Optional.empty();
    }

    private Catalog read() {
        var files = FILES.stream().flatMap(name -> describe(name).stream()).toList();
        return new Catalog(version(), files);
    }

    private Optional<File> describe(String name) {
        return open(name).map(in -> {
            try (in) {
                var digest = MessageDigest.getInstance("SHA-256");
                var buffer = new byte[64 * 1024];
                long size = 0;
                for (int read; (read = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, read);
                    size += read;
                }
                return new File(name, size, HexFormat.of().formatHex(digest.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + LOCATION + name, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String version() {
        return open(JAR).map(in -> {
            try (var jar = new JarInputStream(in)) {
                var manifest = jar.getManifest();
                var version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
                return version == null ? "unknown" : version;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + LOCATION + JAR, e);
            }
        }).orElse("unknown");
    }
}

package io.harbormaster.workstation.dockermachine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the files a config.json names by absolute path in the store being read. docker-machine writes every path
 * absolute, so a store that was copied or moved (to another directory, user or computer) names files that are not
 * there, or, for a copy, files of the original. A path is looked up
 * <ol>
 *   <li>under the store being read, when it lies under the store the config.json was written in (so a copy reads
 *       its own files, not the original's);</li>
 *   <li>as written, when it exists (a CA given with {@code --tls-ca-cert} outside the store, say);</li>
 *   <li>by its tail, {@code certs/<file>} or {@code machines/<name>/<file>}, under the store being read (a store
 *       whose recorded location is unknown, or written on Windows with {@code \}).</li>
 * </ol>
 */
final class StorePaths {

    private final Path store;
    private final List<String> recordedRoot;

    /** @param recordedRoot where the store was when docker-machine wrote the config.json, or null when unknown */
    StorePaths(Path store, String recordedRoot) {
        this.store = store.toAbsolutePath().normalize();
        this.recordedRoot = recordedRoot == null || recordedRoot.isBlank() ? List.of() : segments(recordedRoot);
    }

    /** Where the file named {@code recorded} is now; a path that exists nowhere resolves into the store anyway. */
    Path resolve(String recorded) {
        var parts = segments(recorded);
        if (parts.contains("..")) {
            // docker-machine writes clean paths; one that climbs is taken as written, never into the store
            return Path.of(recorded.replace('\\', '/'));
        }
        if (!recordedRoot.isEmpty() && parts.size() > recordedRoot.size()
                && parts.subList(0, recordedRoot.size()).equals(recordedRoot)) {
            var inStore = under(parts.subList(recordedRoot.size(), parts.size()));
            if (Files.exists(inStore)) {
                return inStore;
            }
        }
        if (!recorded.contains("\\")) {
            var asWritten = Path.of(recorded);
            if (asWritten.isAbsolute() && Files.exists(asWritten)) {
                return asWritten;
            }
        }
        var size = parts.size();
        if (size >= 2 && parts.get(size - 2).equals("certs")) {
            return under(parts.subList(size - 2, size));
        }
        if (size >= 3 && parts.get(size - 3).equals("machines")) {
            return under(parts.subList(size - 3, size));
        }
        return Path.of(recorded.replace('\\', '/'));
    }

    /** How messages name {@code file}: relative to the store when inside it, else as it is. */
    String label(Path file) {
        var normalized = file.toAbsolutePath().normalize();
        return normalized.startsWith(store) ? store.relativize(normalized).toString() : normalized.toString();
    }

    private Path under(List<String> relative) {
        var path = store;
        for (var segment : relative) {
            path = path.resolve(segment);
        }
        return path;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("[/\\\\]+")).filter(segment -> !segment.isEmpty()).toList();
    }
}

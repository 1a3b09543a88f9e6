package io.harbormaster.command.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a stream to its end on a virtual thread, keeping at most {@code limit} bytes. It goes on reading after the
 * limit, because a remote command whose output is not read blocks once the channel's window is full.
 */
final class BoundedOutput {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private final Thread reader;
    private boolean truncated;

    private BoundedOutput(InputStream in, int limit, String name) {
        this.limit = limit;
        this.reader = Thread.ofVirtual().name(name).start(() -> drain(in));
    }

    static BoundedOutput drain(InputStream in, int limit, String name) {
        return new BoundedOutput(in, limit, name);
    }

    private void drain(InputStream in) {
        var buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (kept) {
                    int room = limit - kept.size();
                    kept.write(buffer, 0, Math.max(0, Math.min(room, read)));
                    truncated |= read > room;
                }
            }
        } catch (IOException e) {
            // The channel was closed under us (a timeout, or the command left output open): keep what came.
        }
    }

    /** What was read, after waiting up to {@code wait} for the end of the stream. */
    String text(Duration wait) throws InterruptedException {
        reader.join(wait);
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    boolean truncated() {
        synchronized (kept) {
            return truncated;
        }
    }
}

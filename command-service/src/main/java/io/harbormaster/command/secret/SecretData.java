package io.harbormaster.command.secret;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The rules every store applies to a secret's key/value pairs, and the byte form the sealed store encrypts. */
final class SecretData {

    /** Format of {@link #encode}: a version byte, so the layout can change without guessing. */
    private static final byte FORMAT = 1;
    private static final int MAX_KEY = 256;

    private SecretData() {
    }

    /** The data as given, after checking that every key is a plain name and no value is null. */
    static Map<String, String> checked(Map<String, String> data) {
        if (data == null) {
            throw new IllegalArgumentException("secret data must not be null (use an empty map for none)");
        }
        data.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_KEY) {
                throw new IllegalArgumentException("secret keys must be 1 to " + MAX_KEY + " characters");
            }
            if (value == null) {
                throw new IllegalArgumentException("secret value of key '" + key + "' must not be null");
            }
        });
        return data;
    }

    static void checkVersion(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("secret versions start at 1, not " + version);
        }
    }

    /** Pairs sorted by key, each as length-prefixed UTF-8; the same data always gives the same bytes. */
    static byte[] encode(Map<String, String> data) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(data.size());
            for (var entry : new TreeMap<>(checked(data)).entrySet()) {
                writeText(out, entry.getKey());
                writeText(out, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> decode(byte[] encoded) {
        try (var in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalStateException("unknown sealed secret format");
            }
            int size = in.readInt();
            var data = new LinkedHashMap<String, String>();
            for (int i = 0; i < size; i++) {
                data.put(readText(in), readText(in));
            }
            return data;
        } catch (IOException e) {
            throw new IllegalStateException("sealed secret is truncated", e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        var utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}

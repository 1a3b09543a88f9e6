package io.harbormaster.command.secret.sealed;

import io.harbormaster.command.secret.SecretData;
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

/** The byte form of a secret's key/value pairs that the sealed store encrypts. */
final class SecretCodec {

    /** Format of {@link #encode}: a version byte, so the layout can change without guessing. */
    private static final byte FORMAT = 1;

    private SecretCodec() {
    }

    /** Pairs sorted by key, each as length-prefixed UTF-8; the same data always gives the same bytes. */
    static byte[] encode(Map<String, String> data) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(data.size());
            for (var entry : new TreeMap<>(SecretData.checked(data)).entrySet()) {
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

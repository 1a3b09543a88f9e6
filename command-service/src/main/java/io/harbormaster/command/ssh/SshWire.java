package io.harbormaster.command.ssh;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** SSH's wire encoding (RFC 4251 §5): {@code uint32}, {@code uint64} and length-prefixed {@code string}s. */
final class SshWire {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SshWire uint32(long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
        return this;
    }

    SshWire uint64(long value) {
        uint32(value >>> 32);
        return uint32(value & 0xffffffffL);
    }

    SshWire string(byte[] value) {
        uint32(value.length);
        out.writeBytes(value);
        return this;
    }

    SshWire string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes that are already in wire form, written as they are. */
    SshWire raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Reads the {@code string}s of a blob; throws {@link IllegalArgumentException} when one overruns it. */
    static final class Reader {

        private final ByteBuffer buffer;

        Reader(byte[] blob) {
            this.buffer = ByteBuffer.wrap(blob);
        }

        byte[] string() {
            if (buffer.remaining() < 4) {
                throw new IllegalArgumentException("truncated");
            }
            long length = Integer.toUnsignedLong(buffer.getInt());
            if (length > buffer.remaining()) {
                throw new IllegalArgumentException("truncated");
            }
            var value = new byte[(int) length];
            buffer.get(value);
            return value;
        }

        int position() {
            return buffer.position();
        }

        boolean atEnd() {
            return !buffer.hasRemaining();
        }
    }
}

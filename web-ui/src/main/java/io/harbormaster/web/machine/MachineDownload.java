package io.harbormaster.web.machine;

import java.util.Arrays;

/**
 * A file the machine page offers: a client bundle or a docker context, made with a fresh client certificate for the
 * signed-in user. {@link #toString()} leaves out the bytes, which hold a private key.
 */
public record MachineDownload(String fileName, String contentType, byte[] bytes) {

    public MachineDownload {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MachineDownload that && fileName.equals(that.fileName)
                && contentType.equals(that.contentType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MachineDownload[" + fileName + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}

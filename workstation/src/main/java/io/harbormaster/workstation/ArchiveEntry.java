package io.harbormaster.workstation;

/** One file or folder of an archive we write, with its Unix permission bits ({@code 0644}, {@code 0700}). */
record ArchiveEntry(String path, byte[] content, int permissions, boolean directory) {

    static ArchiveEntry file(String path, byte[] content, int permissions) {
        return new ArchiveEntry(path, content, permissions, false);
    }

    static ArchiveEntry directory(String path, int permissions) {
        return new ArchiveEntry(path.endsWith("/") ? path : path + "/", new byte[0], permissions, true);
    }

    @Override
    public String toString() {
        // The content may be a private key.
        return "ArchiveEntry[" + path + ", " + Integer.toOctalString(permissions) + ", " + content.length + " bytes]";
    }
}

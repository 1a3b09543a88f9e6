package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;
import java.io.IOException;
import java.util.EnumSet;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;

/**
 * Files on the host over one SFTP channel, opened on first use. What the server refuses (no such file, permission
 * denied) is a {@link RemoteFileException}; a broken connection is left to the caller as an {@link IOException}.
 */
final class SftpFiles implements AutoCloseable {

    private static final int WRITES_IN_FLIGHT = 16;

    private final SSHClient client;
    private final SshTarget target;
    private final SshSettings settings;
    private SFTPClient sftp;

    SftpFiles(SSHClient client, SshTarget target, SshSettings settings) {
        this.client = client;
        this.target = target;
        this.settings = settings;
    }

    void write(String remotePath, byte[] content, int mode) throws IOException {
        var attributes = new FileAttributes.Builder().withPermissions(mode).build();
        try {
            var channel = sftp();
            var slash = remotePath.lastIndexOf('/');
            if (slash > 0) {
                channel.mkdirs(remotePath.substring(0, slash));
            }
            try (var file = channel.open(remotePath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC),
                    attributes)) {
                // Opening an existing file keeps its old mode (and new files get the umask): set it before writing.
                file.setAttributes(attributes);
                // One SFTP write may not exceed the server's packet size, so the content goes in packet-sized pieces.
                int piece = channel.getSFTPEngine().getSubsystem().getRemoteMaxPacketSize()
                        - file.getOutgoingPacketOverhead();
                try (var out = file.new RemoteFileOutputStream(0, WRITES_IN_FLIGHT)) {
                    for (int offset = 0; offset < content.length; offset += piece) {
                        out.write(content, offset, Math.min(piece, content.length - offset));
                    }
                }
            }
        } catch (SFTPException e) {
            throw new RemoteFileException(target, remotePath, "Could not write the file: " + e.getMessage(), e);
        }
    }

    byte[] read(String remotePath) throws IOException {
        int limit = settings.maxReadBytes();
        try (var file = sftp().open(remotePath, EnumSet.of(OpenMode.READ))) {
            long length = file.length();
            if (length > limit) {
                throw new RemoteFileException(target, remotePath, "The file is " + length + " bytes long, more than "
                        + "the " + limit + " bytes Harbormaster reads back", null);
            }
            try (var in = file.new RemoteFileInputStream(0)) {
                var content = in.readNBytes(limit + 1);
                if (content.length > limit) {
                    throw new RemoteFileException(target, remotePath, "The file grew past the " + limit
                            + " bytes Harbormaster reads back", null);
                }
                return content;
            }
        } catch (SFTPException e) {
            throw new RemoteFileException(target, remotePath, "Could not read the file: " + e.getMessage(), e);
        }
    }

    private SFTPClient sftp() throws IOException {
        if (sftp == null) {
            sftp = client.newSFTPClient();
            sftp.getSFTPEngine().setTimeoutMs((int) settings.commandTimeout().toMillis());
        }
        return sftp;
    }

    @Override
    public void close() {
        if (sftp != null) {
            try {
                sftp.close();
            } catch (IOException e) {
                // The connection is closed next, which ends the SFTP channel too.
            }
        }
    }
}

package io.harbormaster.workstation;

/**
 * The output of docker-machine's {@code config} command, byte for byte: the Docker client flags for one machine,
 * one per line, meant for {@code docker $(hm config dev) ps}.
 *
 * <pre>
 * --tlsverify
 * --tlscacert="/home/me/.hm/machines/dev/ca.pem"
 * --tlscert="/home/me/.hm/machines/dev/cert.pem"
 * --tlskey="/home/me/.hm/machines/dev/key.pem"
 * -H=tcp://192.0.2.10:2376
 * </pre>
 *
 * The paths are quoted the way Go's {@code %q} quotes them, as docker-machine does, so a Windows path comes out with
 * doubled backslashes; the Docker client strips the quotes of these flags itself.
 */
public final class ConfigFlags {

    private ConfigFlags() {
    }

    /**
     * The flags for the files in {@code certPath} and the daemon at {@code dockerHost}. {@code certPath} is the
     * client's folder for this machine, as given; the file names are joined to it with a backslash when it contains
     * one (a Windows path, where docker-machine's own join uses backslashes) and with a slash otherwise.
     *
     * @throws IllegalArgumentException when the path is blank or has control characters, or the host is not
     *         {@code tcp://HOST:PORT}
     */
    public static String render(String certPath, String dockerHost) {
        if (certPath == null || certPath.isBlank()) {
            throw new IllegalArgumentException("The cert path must be given: it is the folder on the workstation that "
                    + "holds ca.pem, cert.pem and key.pem for this machine.");
        }
        TextRules.refuseControlCharacters("The cert path", certPath);
        DockerHost.hostOf(dockerHost);
        return "--tlsverify\n"
                + "--tlscacert=" + GoQuote.quote(join(certPath, "ca.pem")) + "\n"
                + "--tlscert=" + GoQuote.quote(join(certPath, "cert.pem")) + "\n"
                + "--tlskey=" + GoQuote.quote(join(certPath, "key.pem")) + "\n"
                + "-H=" + dockerHost + "\n";
    }

    private static String join(String folder, String file) {
        var separator = folder.contains("\\") ? '\\' : '/';
        int end = folder.length();
        while (end > 1 && (folder.charAt(end - 1) == '/' || folder.charAt(end - 1) == '\\')) {
            end--;
        }
        var trimmed = folder.substring(0, end);
        return trimmed.length() == 1 && trimmed.charAt(0) == separator ? trimmed + file : trimmed + separator + file;
    }
}

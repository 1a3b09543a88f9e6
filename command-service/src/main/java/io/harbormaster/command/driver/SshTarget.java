package io.harbormaster.command.driver;

/** Where to open an SSH session to a host; the key itself lives in the secret store. */
public record SshTarget(String host, int port, String user) {
}

package io.harbormaster.cli.driver;

import io.harbormaster.cli.HmException;
import java.util.List;

/**
 * docker-machine's flags for AWS keys. The platform's driver refuses them too, but by then the key would have
 * travelled in a create request (and could reach a log on the way); hm refuses them before it sends anything, and
 * never repeats the value.
 */
public final class SecretFlags {

    static final List<String> AWS = List.of("--amazonec2-access-key", "--amazonec2-secret-key",
            "--amazonec2-session-token");

    private SecretFlags() {
    }

    /** Throws, with {@code exitCode}, when an argument is one of these flags ({@code --flag VALUE} or {@code =VALUE}). */
    public static void refuse(String[] args, String failurePrefix, int exitCode) {
        for (var arg : args) {
            if (arg.equals("--")) {
                return;
            }
            var flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (AWS.contains(flag)) {
                throw new HmException(failurePrefix + flag + " is not taken: an AWS key on the command line lands in "
                        + "your shell's history and in ps, and machine options are kept in its history. Add the keys "
                        + "once as a team credential (hm credentials add NAME --access-key-id ID asks for the secret "
                        + "without echo), then create with --amazonec2-credential NAME. Nothing was sent; if that was "
                        + "a real key, remove it from your shell's history.", exitCode);
            }
        }
    }
}

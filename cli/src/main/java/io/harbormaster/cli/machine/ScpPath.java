package io.harbormaster.cli.machine;

import java.util.regex.Pattern;

/**
 * One side of {@code hm scp}: {@code NAME:PATH} (or {@code TEAM/NAME:PATH}) on a machine's host, anything else a path
 * on this workstation. As with scp, a colon decides, so a local path with a colon before any slash is written
 * {@code ./like:this}; a team or machine name never starts with a dot or a slash.
 *
 * @param machine the machine as the user named it, or null for a local path
 */
record ScpPath(String machine, String path) {

    private static final Pattern REMOTE = Pattern.compile(
            "^((?:[A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9.-]*):(.*)$", Pattern.DOTALL);

    static ScpPath parse(String argument) {
        var remote = REMOTE.matcher(argument);
        return remote.matches() ? new ScpPath(remote.group(1), remote.group(2)) : new ScpPath(null, argument);
    }

    boolean remote() {
        return machine != null;
    }
}

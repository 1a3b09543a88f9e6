package io.harbormaster.command.provision;

import java.util.regex.Pattern;

/**
 * The shell script that makes a host's sshd trust a machine's SSH user CA ({@code TrustedUserCAKeys}), run as root
 * on the host. sshd takes the first value it reads of a keyword and {@code TrustedUserCAKeys} names one file, so the
 * script asks sshd itself ({@code sshd -T}) which file it trusts now:
 * <ul>
 *   <li>none: the key goes into {@value #CA_FILE}, named by a drop-in ({@value #DROP_IN}) where sshd_config includes
 *       {@code sshd_config.d/*.conf} (Debian 12, Ubuntu 22.04), otherwise by a line at the top of sshd_config (the top
 *       is outside every {@code Match} block);</li>
 *   <li>another file (the host trusts a CA of its own): the key is added to that file, replacing an earlier key of
 *       this machine's, and the host's own keys stay;</li>
 * </ul>
 * A changed configuration is checked with {@code sshd -t}, and with {@code sshd -T} that it names the file now, then
 * sshd reloads without ending sessions (systemd's {@code reload}, else SIGHUP to the pid in sshd's PidFile: never
 * {@code pkill}, which would hit every session's process). When any of that fails, the configuration is put back as it
 * was. A reloaded sshd closes its listening sockets and opens new ones, refusing connections for a moment, so the
 * script waits (up to 5 s) until new sockets listen on sshd's port ({@code /proc/net/tcp}): the next login, or the
 * reconciler's probe of port 22, finds it answering. sshd reads the CA file on every login, so a new key in a file it
 * already trusts needs no reload. Running it again with the same key changes nothing.
 */
final class SshUserCaTrust {

    static final String CA_FILE = "/etc/ssh/harbormaster_user_ca.pub";
    static final String DROP_IN = "/etc/ssh/sshd_config.d/harbormaster-user-ca.conf";
    /** The last line of the script's output on success. */
    static final String TRUSTED_FILE = "trusted-keys-file ";

    // what SshUserCa#publicKey() writes: nothing in it can leave the script's single quotes
    private static final Pattern CA_KEY = Pattern.compile(
            "ssh-ed25519 [A-Za-z0-9+/]+=* (harbormaster-user-ca-[0-9a-f-]{36})");

    private static final String SCRIPT = """
            PATH="$PATH:/usr/sbin:/sbin"
            key='@KEY@'
            mark=' @MARK@'
            ours=@CA_FILE@
            dropin=@DROP_IN@
            config=/etc/ssh/sshd_config
            header='# Harbormaster: sshd trusts the SSH user CA of the machine on this host.'
            includes='^[[:space:]]*Include[[:space:]]+(/etc/ssh/)?sshd_config\\.d/\\*\\.conf([[:space:]]|$)'
            sshd=$(command -v sshd) || { echo "there is no sshd on the host's PATH" >&2; exit 1; }
            fail() { echo "$1" >&2; exit 1; }
            setting() { printf '%s\\n' "$1" | awk -v k="$2" '$1 == k { print $2; exit }'; }
            settings=$("$sshd" -T 2>&1) || fail "sshd -T fails before any change: $settings"
            trusted=$(setting "$settings" trustedusercakeys)
            pidfile=$(setting "$settings" pidfile)
            port=$(setting "$settings" port)
            # the inodes of the sockets listening on sshd's port: new ones once a reloaded sshd accepts again
            listening() {
                awk -v p="$(printf '%04X' "${port:-22}")" \\
                    '$4 == "0A" && substr($2, index($2, ":") + 1) == p { print $10 }' \\
                    /proc/net/tcp /proc/net/tcp6 2>/dev/null | sort
            }
            await_listener() {
                i=0
                while [ -n "$before" ] && [ $i -lt 50 ]; do
                    now=$(listening)
                    if [ -n "$now" ] && [ "$(echo "$now" | wc -l)" -ge "$(echo "$before" | wc -l)" ] \\
                        && ! echo "$now" | grep -qxF "$before"; then
                        return
                    fi
                    sleep 0.1
                    i=$((i + 1))
                done
            }
            undo=
            restore() {
                case "$undo" in
                    dropin) rm -f "$dropin" ;;
                    config) mv -f "$config.harbormaster-backup" "$config" ;;
                esac
            }
            if [ -z "$trusted" ] || [ "$trusted" = none ]; then
                target=$ours
                if grep -Eqi "$includes" "$config"; then
                    mkdir -p "$(dirname "$dropin")"
                    printf '%s\\nTrustedUserCAKeys %s\\n' "$header" "$ours" >"$dropin"
                    undo=dropin
                else
                    cp -p "$config" "$config.harbormaster-backup"
                    { printf '%s\\nTrustedUserCAKeys %s\\n\\n' "$header" "$ours"
                        cat "$config.harbormaster-backup"; } >"$config.harbormaster-new"
                    chmod 0644 "$config.harbormaster-new" && mv -f "$config.harbormaster-new" "$config"
                    undo=config
                fi
            else
                target=$trusted
            fi
            if [ "$target" = "$ours" ]; then
                if [ "$(cat "$ours" 2>/dev/null)" != "$key" ]; then
                    printf '%s\\n' "$key" >"$ours.harbormaster-new" \\
                        && chmod 0644 "$ours.harbormaster-new" && mv -f "$ours.harbormaster-new" "$ours" \\
                        || { restore; fail "could not write $ours"; }
                fi
            elif ! grep -qxF "$key" "$target" 2>/dev/null; then
                [ -e "$target" ] || { : >"$target" && chmod 0644 "$target"; }
                cp -p "$target" "$target.harbormaster-new" \\
                    && { grep -v -- "$mark\\$" "$target" || true; printf '%s\\n' "$key"; } \\
                    >"$target.harbormaster-new" \\
                    && mv -f "$target.harbormaster-new" "$target" || fail "could not add the key to $target"
            fi
            if [ -n "$undo" ]; then
                checked=$("$sshd" -t 2>&1) || { restore; fail "sshd -t refused the configuration with \\
            TrustedUserCAKeys $ours ($checked), so it was put back as it was"; }
                now=$(setting "$("$sshd" -T 2>/dev/null)" trustedusercakeys)
                [ "$now" = "$target" ] || { restore; fail "sshd still reads TrustedUserCAKeys $now after the \\
            change (an earlier line of its configuration wins), so the change was put back; set TrustedUserCAKeys \\
            $ours in sshd_config by hand, or remove the other setting"; }
                before=$(listening)
                if [ -d /run/systemd/system ] \\
                    && { systemctl reload ssh 2>/dev/null || systemctl reload sshd 2>/dev/null; }; then
                    await_listener
                elif [ -n "$pidfile" ] && [ -s "$pidfile" ] && kill -HUP "$(cat "$pidfile")" 2>/dev/null; then
                    await_listener
                else
                    restore
                    fail "sshd could not be told to reload (no systemd unit ssh or sshd answered, and there is no \\
            running sshd's pid in ${pidfile:-its PidFile}), so the change was put back"
                fi
                rm -f "$config.harbormaster-backup"
            fi
            echo "@TRUSTED_FILE@$target"
            """;

    private SshUserCaTrust() {
    }

    /** The script for the CA whose public key ({@code authorized_keys} line) is {@code caPublicKey}. */
    static String script(String caPublicKey) {
        var key = CA_KEY.matcher(caPublicKey == null ? "" : caPublicKey.strip());
        if (!key.matches()) {
            throw new IllegalArgumentException("not a Harbormaster SSH user CA public key: an ssh-ed25519 line "
                    + "with the comment harbormaster-user-ca-<machine id> was expected");
        }
        return SCRIPT.replace("@KEY@", key.group())
                .replace("@MARK@", key.group(1))
                .replace("@CA_FILE@", CA_FILE)
                .replace("@DROP_IN@", DROP_IN)
                .replace("@TRUSTED_FILE@", TRUSTED_FILE);
    }

    /** The file sshd reads the CA from, from the script's output; null when the output does not say. */
    static String trustedKeysFile(String output) {
        return output.lines().filter(line -> line.startsWith(TRUSTED_FILE)).map(line -> line.substring(
                TRUSTED_FILE.length()).strip()).reduce((first, second) -> second).orElse(null);
    }
}

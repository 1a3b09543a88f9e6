#!/bin/sh
# reboot, shutdown, poweroff and halt inside a test host: host-init.sh installs this file as /usr/local/sbin/reboot
# and links the other names to it, because this machine's own commands talk to systemd, which hosts do not run.
# The host's init ends the boot on a signal to PID 1 (tini passes it on to host-init.sh): SIGUSR1 boots the host
# again, SIGUSR2 powers it off. Either way every process of the host is killed at once, as by a reset.
set -eu

command=${0##*/}
action=poweroff
[ "$command" = reboot ] && action=reboot

for argument in "$@"; do
    case $argument in
        --help)
            echo "Usage: $command [-r|--reboot] [-p|-h|-P|--poweroff|--halt] [time]"
            echo "In a test host this acts at once and kills every process of the host; shutdown ignores its time."
            exit 0
            ;;
        # Real reboot -w only records the shutdown in wtmp; hosts keep no wtmp.
        -w | --wtmp-only) exit 0 ;;
        -r | --reboot) action=reboot ;;
        -p | --poweroff | --halt) action=poweroff ;;
        -h | -H | -P) [ "$command" = shutdown ] && action=poweroff ;;
        -c) echo "$command: nothing to cancel: shutdown acts at once in a test host" >&2; exit 1 ;;
        -k) echo "$command: -k (only warn) is not supported in a test host" >&2; exit 1 ;;
        # -f, --force, --no-wall, shutdown's time and message: nothing here waits or warns.
        *) ;;
    esac
done

if [ "$(id -u)" != 0 ]; then
    echo "$command: must be root" >&2
    exit 1
fi
if [ "$action" = reboot ]; then
    kill -USR1 1
else
    kill -USR2 1
fi

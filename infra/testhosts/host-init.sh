#!/usr/bin/env bash
# The init of one boot of a test host. testhosts runs it under tini (PID 1) in fresh mount, UTS, IPC and PID
# namespaces, already inside the host's network namespace. It gives the host a private view of this machine, starts
# sshd (and Docker Engine when the host enabled it), and waits. "reboot" in the host ends the boot (see host-power.sh).
# Usage: host-init.sh <name> <state dir> <state root>
# Exit status: 100 when the host asked to boot again, 101 when it asked to power off (testhosts relies on these).
set -euo pipefail

name=$1
state=$2
state_root=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Read now: the mounts below hide a checkout under /tmp, /root, /etc or /var from this host.
power_command=$(<"$here/host-power.sh")

# Before the first mount, so that a reboot asked for while the host is still starting is not lost.
cgroups_fd=""
# shellcheck disable=SC2317 # called by the traps below
end_boot() {
    # testhosts removes the cgroups that processes of this boot were put in (by dockerd, for its containers) once
    # the boot is over: they belong to this machine's hierarchies and would outlive the host. The processes are not
    # stopped first: "testhosts exec" (nsenter) would stop itself with its child and never resume.
    if [[ -n $cgroups_fd ]]; then
        { cat /proc/[0-9]*/cgroup 2>/dev/null || true; } | cut -d: -f3- | sort -u \
            | grep -vxF -f <(cut -d: -f3- /proc/1/cgroup) >&"$cgroups_fd" || true
    fi
    # tini exits with this status, and the kernel kills every process left in the PID namespace.
    exit "$1"
}
trap 'end_boot 100' USR1
trap 'end_boot 101' USR2

# Copies of the /run/netns bind mounts came along with the mount namespace; they would keep other hosts'
# network namespaces (and their addresses) alive after those hosts are gone.
umount --recursive --lazy /run/netns 2>/dev/null || true

mount -t proc -o nosuid,nodev,noexec proc /proc

# A fresh /run gives the host its own docker and containerd sockets: dockerd would reuse a containerd socket it finds.
mount -t tmpfs -o mode=0755,nosuid,nodev,size=64m tmpfs /run
mkdir -p /run/sshd /run/lock /run/.testhost/state /run/.testhost/cgroup
chmod 1777 /run/lock

# The state directory on the real file system, reachable under a path that the overlays below do not hide.
s=/run/.testhost/state
mount --bind "$state" "$s"

mount -t overlay overlay -o "lowerdir=/etc,upperdir=$s/etc/upper,workdir=$s/etc/work" /etc
mount -t overlay overlay -o "lowerdir=/var,upperdir=$s/var/upper,workdir=$s/var/work" /var

# overlay2 cannot use an overlay as its backing file system, so Docker's directories are plain bind mounts.
mkdir -p /var/lib/docker /var/lib/containerd
mount --bind "$s/docker" /var/lib/docker
mount --bind "$s/containerd" /var/lib/containerd
mount --bind "$s/root" /root
mount -t tmpfs -o mode=1777,nosuid,nodev,size=512m tmpfs /tmp
# Programs and libraries are this machine's own: read-only, so an "install" inside a host fails loudly instead of
# changing the machine (Debian 12 has merged /usr, so /bin, /sbin and /lib are covered too).
mount --bind /usr /usr
mount -o remount,bind,ro /usr
# reboot and friends of the host's own (root's PATH starts with /usr/local/sbin, empty on Debian): this machine's
# are systemctl, which fails without systemd.
mount -t tmpfs -o mode=0755,nosuid,nodev,size=1m tmpfs /usr/local/sbin
printf '%s\n' "$power_command" >/usr/local/sbin/reboot
chmod 0755 /usr/local/sbin/reboot
for command in shutdown poweroff halt; do
    ln -s reboot "/usr/local/sbin/$command"
done
mount -o remount,ro,nosuid,nodev /usr/local/sbin
mount -t tmpfs -o mode=1777,nosuid,nodev,size=64m tmpfs /dev/shm
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts /dev/pts
mount --bind /dev/pts/ptmx /dev/ptmx

# A fresh sysfs shows this host's network devices; the cgroup hierarchies are carried over onto a host-own tmpfs,
# so nothing the host creates under /sys/fs/cgroup lands in this machine's cgroup tmpfs.
mount --rbind /sys/fs/cgroup /run/.testhost/cgroup
mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
mount -t tmpfs -o mode=0755,nosuid,nodev,noexec cgroup /sys/fs/cgroup
for hierarchy in /run/.testhost/cgroup/*; do
    if mountpoint -q "$hierarchy"; then
        mkdir -p "/sys/fs/cgroup/${hierarchy##*/}"
        mount --bind "$hierarchy" "/sys/fs/cgroup/${hierarchy##*/}"
    fi
done
umount --recursive --lazy /run/.testhost/cgroup

# Other hosts' state (and the ELOOP traps of their overlay directories) stays out of sight.
[[ -d $state_root ]] && mount -t tmpfs -o size=1m,mode=0700 tmpfs "$state_root"

hostname "$name"
echo "$name" >/etc/hostname
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$name" >/etc/hosts

# Identity that survives reboots and down/up (it lives in the upper directory) and changes only with --purge.
if [[ ! -e $s/etc/upper/machine-id ]]; then
    tr -d '-' </proc/sys/kernel/random/uuid >/etc/machine-id
fi
if [[ ! -e $s/etc/upper/ssh/ssh_host_ed25519_key ]]; then
    rm -f /etc/ssh/ssh_host_*
    # Ed25519 and ECDSA only: an RSA key takes half a second to generate and no client we test needs it.
    ssh-keygen -q -t ed25519 -N '' -C "root@$name" -f /etc/ssh/ssh_host_ed25519_key
    ssh-keygen -q -t ecdsa -N '' -C "root@$name" -f /etc/ssh/ssh_host_ecdsa_key
    mkdir -p /etc/ssh/sshd_config.d
    printf 'HostKey /etc/ssh/ssh_host_ed25519_key\nHostKey /etc/ssh/ssh_host_ecdsa_key\n' \
        >/etc/ssh/sshd_config.d/testhost.conf
fi

# Test-host engine settings: containers may reach only loopback and these hosts. Written once, so settings a
# provisioner merged into the file survive a restart of the host.
if [[ ! -e $s/etc/upper/docker/daemon.json ]]; then
    mkdir -p /etc/docker
    printf '{\n  "iptables": false,\n  "ip-forward": false,\n  "bridge": "none"\n}\n' >/etc/docker/daemon.json
fi

# Debian's init script raises ulimits, which fails without CAP_SYS_RESOURCE and aborts the script under set -e.
if grep -qE '^\s*ulimit [^|]*$' /etc/init.d/docker; then
    sed -i -E 's/^(\s*ulimit [^|]*)$/\1 2>\/dev\/null || true/' /etc/init.d/docker
fi
# The init script mounts every enabled cgroup controller unless fstab mentions cgroups; mounting an unmounted
# controller here would move it from cgroup2 to a v1 hierarchy for the whole machine.
if ! grep -v '^#' /etc/fstab | grep -q cgroup; then
    printf '# cgroups are mounted by the test host init (see infra/testhosts/host-init.sh)\n' >>/etc/fstab
    printf 'cgroup /sys/fs/cgroup tmpfs defaults 0 0\n' >>/etc/fstab
fi

# The first boot of a fresh (or purged) host leaves Docker Engine "installed but not enabled", as the hosts the
# product provisions are: the start links in rc2-5.d are this machine's. "update-rc.d docker disable" turns them into
# stop links, so "update-rc.d docker defaults; update-rc.d docker enable" enables Docker again, as on a real host
# (without any links in rc2-5.d, "enable" fails).
first_boot=false
if [[ ! -e $s/booted ]]; then
    first_boot=true
    if compgen -G '/etc/rc[2-5].d/S??docker' >/dev/null; then
        update-rc.d docker disable
    fi
    touch "$s/booted"
fi

exec {cgroups_fd}>"$s/cgroups"
umount --lazy "$s"
rmdir /run/.testhost/state /run/.testhost/cgroup /run/.testhost

# Started by a script, a background command would ignore SIGINT and SIGQUIT; services started by init do not.
start_service() {
    (
        trap - INT QUIT
        exec "$@"
    ) </dev/null {cgroups_fd}>&- &
}

# sshd is started here rather than by its rc2.d link, and no other service of this machine's runlevel starts.
start_service /usr/sbin/sshd -D -e
sshd_pid=$!
# Docker starts at boot when the host enabled it, as sysvinit would start it in runlevel 2; a failing start leaves
# the host up (the engine's log is /var/log/docker.log), as it would on a real host.
if ! $first_boot && compgen -G '/etc/rc2.d/S??docker' >/dev/null; then
    start_service /etc/init.d/docker start
fi

# The host ends with sshd, or with the signal from reboot or poweroff (end_boot).
status=0
wait "$sshd_pid" || status=$?
exit "$status"

#!/usr/bin/env bash
# The init of one test host. testhosts runs it under tini (PID 1) in fresh mount, UTS, IPC and PID namespaces,
# already inside the host's network namespace. It gives the host a private view of this machine and ends as sshd.
# Usage: host-init.sh <name> <state dir> <state root>
set -euo pipefail

name=$1
state=$2
state_root=$3

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

# Identity that survives down/up (it lives in the upper directory) and changes only with --purge.
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

umount --lazy "$s"
rmdir /run/.testhost/state /run/.testhost/cgroup /run/.testhost

exec /usr/sbin/sshd -D -e

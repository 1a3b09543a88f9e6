#!/bin/sh
# Installs hm, the Harbormaster workstation client, from the Harbormaster server at @SERVER@:
#   curl -fsSL @SERVER@/install.sh | sh
# With a Java 21 or newer (HM_JAVA, JAVA_HOME or java on PATH) it installs hm.jar and its launcher; otherwise, on
# linux x86_64, the self-contained hm with its own runtime. HM_INSTALL=jar or HM_INSTALL=bundle chooses.
# Files go to ${XDG_DATA_HOME:-~/.local/share}/harbormaster/hm-@VERSION@/, the command to ~/.local/bin/hm
# (HM_INSTALL_DIR moves it), a symbolic link. Every download is checked against the server's SHA256SUMS.
set -eu

server='@SERVER@'
version='@VERSION@'
bin_dir=${HM_INSTALL_DIR:-${HOME:?HOME is not set}/.local/bin}
data_dir=${XDG_DATA_HOME:-$HOME/.local/share}/harbormaster
home=$data_dir/hm-$version

say() { printf 'hm install: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

if command -v curl >/dev/null 2>&1; then
    fetch() { curl -fsSL -o "$2" "$server/$1" || fail "cannot download $server/$1"; }
elif command -v wget >/dev/null 2>&1; then
    fetch() { wget -q -O "$2" "$server/$1" || fail "cannot download $server/$1"; }
else
    fail "needs curl or wget to download hm"
fi
if command -v sha256sum >/dev/null 2>&1; then
    sha256() { sha256sum "$1" | cut -d' ' -f1; }
elif command -v shasum >/dev/null 2>&1; then
    sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
elif command -v openssl >/dev/null 2>&1; then
    sha256() { openssl dgst -sha256 "$1" | sed 's/^.*= *//'; }
else
    fail "needs sha256sum, shasum or openssl to check the downloads"
fi

# A Java 21 or newer, as the launcher looks for it; prints its path.
find_java() {
    for candidate in "${HM_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)"; do
        [ -n "$candidate" ] || continue
        [ -d "$candidate" ] && candidate=$candidate/bin/java
        [ -x "$candidate" ] || continue
        found=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
        major=${found%%[!0-9]*}
        case $major in ''|*[!0-9]*) continue ;; esac
        if [ "$major" -ge 21 ]; then
            printf '%s\n' "$candidate"
            return 0
        fi
        say "ignoring Java $found at $candidate (hm needs 21 or newer)"
    done
    return 1
}

platform="$(uname -s)/$(uname -m)"
mode=${HM_INSTALL:-}
java=
if [ -z "$mode" ]; then
    if java=$(find_java); then
        mode=jar
    else
        case $platform in
            Linux/x86_64|Linux/amd64) mode=bundle ;;
            *) fail "no Java 21 or newer found, and the self-contained hm is for linux x86_64 only (this is $platform). Install a Java 21+ (e.g. https://adoptium.net), then run this again." ;;
        esac
    fi
fi
case $mode in
    jar) ;;
    bundle)
        case $platform in
            Linux/x86_64|Linux/amd64) ;;
            *) fail "the self-contained hm is for linux x86_64 only (this is $platform); install a Java 21+ and use HM_INSTALL=jar" ;;
        esac
        ;;
    *) fail "HM_INSTALL must be jar or bundle, not '$mode'" ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/hm-install.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
fetch downloads/SHA256SUMS "$work/SHA256SUMS"
verified() {
    expected=$(sed -n "s/^\([0-9a-f]\{64\}\)  $1\$/\1/p" "$work/SHA256SUMS")
    [ -n "$expected" ] || fail "$server/downloads/SHA256SUMS does not list $1"
    actual=$(sha256 "$work/$1")
    [ "$actual" = "$expected" ] || fail "$1 from $server is damaged or not what the server published (SHA-256 $actual, expected $expected); nothing was installed"
}

mkdir -p "$data_dir" "$bin_dir"
if [ "$mode" = jar ]; then
    fetch downloads/hm.jar "$work/hm.jar"
    fetch downloads/hm "$work/hm"
    verified hm.jar
    verified hm
    chmod 755 "$work/hm"
    rm -rf "$home.new"
    mkdir "$home.new"
    mv "$work/hm.jar" "$work/hm" "$home.new/"
    command=$home/hm
    what="hm.jar and its launcher (runs on ${java:-your Java 21+})"
else
    fetch downloads/hm-linux-x64.tar.gz "$work/hm-linux-x64.tar.gz"
    verified hm-linux-x64.tar.gz
    mkdir "$work/unpacked"
    tar -xzf "$work/hm-linux-x64.tar.gz" -C "$work/unpacked"
    [ -x "$work/unpacked/hm-$version/bin/hm" ] || fail "hm-linux-x64.tar.gz holds no hm-$version/bin/hm"
    rm -rf "$home.new"
    mv "$work/unpacked/hm-$version" "$home.new"
    command=$home/bin/hm
    what="the self-contained hm (its own Java runtime and start-up cache)"
fi
rm -rf "$home"
mv "$home.new" "$home"
ln -sfn "$command" "$bin_dir/hm"

installed=$("$bin_dir/hm" --version 2>&1) || fail "the installed hm does not start: $installed"
say "installed $what in $home"
say "$bin_dir/hm -> $command ($installed)"
case ":${PATH:-}:" in
    *":$bin_dir:"*) ;;
    *) say "$bin_dir is not on your PATH; add this line to ~/.profile (or your shell's start file):"
       say "  export PATH=\"$bin_dir:\$PATH\"" ;;
esac
say "next: hm login $server"

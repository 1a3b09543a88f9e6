#!/bin/sh
# Makes the self-contained linux-x64 hm (run by the cli module's build, in the package phase, after hm.jar):
#   target/hm                      the launcher, executable (beside target/hm.jar)
#   target/hm-linux-x64.tar.gz     hm-<version>/bin/hm           the same launcher, which finds ../runtime
#                                  hm-<version>/lib/hm.jar
#                                  hm-<version>/lib/hm.aot       the JDK 25 AOT cache (hm.jsa, a CDS archive, on 21-24)
#                                  hm-<version>/runtime/         a jlink runtime with the modules hm.jar uses
# Usage: hm-bundle.sh JAVA_HOME TARGET_DIR VERSION
# JAVA_HOME is the JDK the build runs on (Maven's java.home); its jlink works from the runtime image when the JDK has
# no jmods folder (Temurin 25). The bundle is a linux x86_64 runtime, so it is built there only.
set -eu

jdk=$1
target=$(cd "$2" && pwd -P)
version=$3
started=$(date +%s)

chmod +x "$target/hm"
jdk_feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$jdk/release")
# picocli's classes are Java 5 classes, which no CDS archive or AOT cache keeps: rewrite them (needs JDK 24+).
if [ "$jdk_feature" -ge 24 ]; then
    "$jdk/bin/java" "$(dirname "$0")/RaiseOldClassVersions.java" "$target/hm.jar"
else
    echo "hm-bundle: JDK $jdk_feature cannot rewrite picocli's Java 5 classes (JDK 24+ can); hm starts slower" >&2
fi
case "$(uname -s)/$(uname -m)" in
    Linux/x86_64|Linux/amd64) ;;
    *)
        echo "hm-bundle: the self-contained hm (hm-linux-x64.tar.gz) is built on linux x86_64 only," \
            "not on $(uname -s)/$(uname -m)" >&2
        exit 1
        ;;
esac

name=hm-$version
work=$target/hm-bundle
stage=$work/$name
rm -rf "$work" "$target/hm-linux-x64.tar.gz"
mkdir -p "$stage/bin" "$stage/lib"
cp "$target/hm.jar" "$stage/lib/hm.jar"
cp "$target/hm" "$stage/bin/hm"
chmod +x "$stage/bin/hm"

# Exactly the JDK modules hm.jar refers to (today java.base, java.desktop for java.beans, java.net.http, java.sql).
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps "$target/hm.jar")
# No --compress: an uncompressed module image loads the classes the cache lacks faster, and the .tar.gz is smaller
# (31 MB instead of 39 MB for the runtime, measured; unpacked it is 92 MB instead of 62 MB).
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$stage/runtime"

# The launcher's JVM options: the AOT cache must be made with the options it is used with.
quick_start=$(sed -n "s/^quick_start='\(.*\)'$/\1/p" "$target/hm")
java=$stage/runtime/bin/java
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$stage/runtime/release")
training_home=$(mktemp -d)
log=$work/aot-training.log
# The training run: hm's hot path against a canned loopback server (io.harbormaster.cli.AotTraining). Absolute
# paths, as the launcher uses; the JVM relocates them when the bundle is unpacked elsewhere.
# shellcheck disable=SC2086
if [ "$feature" -ge 25 ]; then
    "$java" $quick_start -Duser.home="$training_home" -XX:AOTCacheOutput="$stage/lib/hm.aot" \
        -cp "$stage/lib/hm.jar" io.harbormaster.cli.AotTraining >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    rm -f "$stage/lib/hm.aot.config"
else
    "$java" $quick_start -Duser.home="$training_home" -XX:ArchiveClassesAtExit="$stage/lib/hm.jsa" \
        -cp "$stage/lib/hm.jar" io.harbormaster.cli.AotTraining >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi
rm -rf "$training_home"
# What the JVM could not keep in the cache (proxies, JFR event classes) is in the log; this says what was trained.
grep -h "^AOT training:\|creation is complete" "$log" | sed 's/^/hm-bundle: /' >&2

# The same layout again with the cache checked: a cache the runtime refuses fails the build here.
if [ "$feature" -ge 25 ]; then
    HM_JAVA_OPTIONS=-XX:AOTMode=on "$stage/bin/hm" version >/dev/null
else
    HM_JAVA_OPTIONS=-Xshare:on "$stage/bin/hm" version >/dev/null
fi

tar -C "$work" -czf "$target/hm-linux-x64.tar.gz" "$name"
echo "hm-bundle: $target/hm-linux-x64.tar.gz ($(du -k "$target/hm-linux-x64.tar.gz" | cut -f1) KiB;" \
    "modules $modules; $(( $(date +%s) - started )) s)" >&2

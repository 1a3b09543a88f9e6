#!/bin/sh
# How fast hm starts: median and p90 wall time of RUNS (20) runs of one hm command line, for
#   a  java -jar hm.jar                              the workstation's Java, nothing else
#   b  the launcher beside hm.jar                    quick-start options + its dynamic CDS archive (made by a first run)
#   c  the self-contained bundle's bin/hm            its jlink runtime + the AOT cache made at build time
# and, to tell the parts apart,
#   a+ java -jar hm.jar with the launcher's options  no archive
#   c- the bundle without its AOT cache              same runtime and options
# Usage (after ./mvnw -pl cli -am install -DskipTests):
#   cli/benchmark.sh                   hm version (offline)
#   cli/benchmark.sh --help            any other hm command line
#   HM_URL=http://server:8080 HM_TOKEN=... HM_MACHINE=web-1 cli/benchmark.sh
#                                      also hm env web-1 against that server (HM_SERVER is set from HM_URL)
# JAVA_HOME (else java on PATH) is the workstation's Java for a and b. The bundle is unpacked into a temporary
# folder first, as install.sh does, so the numbers include the cache's relocation.
set -eu
cd "$(dirname "$0")"
runs=${RUNS:-20}
target=$PWD/target
[ -f "$target/hm.jar" ] && [ -f "$target/hm-linux-x64.tar.gz" ] \
    || { echo "build first: ./mvnw -pl cli -am install -DskipTests" >&2; exit 1; }
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
java=${java:-$(command -v java)}
"$java" -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' \
    || { echo "a and b need a Java 21 or newer: set JAVA_HOME ($java is $("$java" -version 2>&1 | head -1))" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/jar" "$work/cache"
cp "$target/hm.jar" "$target/hm" "$work/jar/"
tar -xzf "$target/hm-linux-x64.tar.gz" -C "$work"
bundle=$(echo "$work"/hm-*/bin/hm)
quick_start=$(sed -n "s/^quick_start='\(.*\)'$/\1/p" "$target/hm")
export XDG_CACHE_HOME="$work/cache"
[ -n "${HM_URL:-}" ] && export HM_SERVER="$HM_URL"

# prints "median p90" in milliseconds of $runs runs of the command
measure() {
    : >"$work/times"
    i=0
    while [ "$i" -lt "$runs" ]; do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 )) >>"$work/times"
        i=$((i + 1))
    done
    sort -n "$work/times" | awk '{ t[NR] = $1 } END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        p90 = t[int(NR * 0.9 + 0.999)]
        printf "%6d ms %6d ms", median, p90 }'
}

row() {
    label=$1
    shift
    # a first run: makes the launcher's archive, warms the file cache, and must succeed
    status=0
    "$@" >/dev/null 2>"$work/err" || status=$?
    note=
    [ "$status" -eq 0 ] || note="  (fails, exit $status: $(head -c 120 "$work/err" | tr '\n' ' '))"
    printf '%-44s %s%s\n' "$label" "$(measure "$@")" "$note"
}

bench() {
    echo "hm $* — $runs runs each, $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p') for a and b"
    printf '%-44s %9s %9s\n' "" "median" "p90"
    row "a  java -jar hm.jar" "$java" -jar "$work/jar/hm.jar" "$@"
    # shellcheck disable=SC2086
    row "a+ java -jar hm.jar, launcher's options" "$java" $quick_start -jar "$work/jar/hm.jar" "$@"
    row "b  launcher + dynamic CDS archive" env JAVA_HOME="${java%/bin/java}" "$work/jar/hm" "$@"
    row "c- bundle without its AOT cache" env HM_JAVA_OPTIONS=-XX:AOTMode=off "$bundle" "$@"
    row "c  bundle + AOT cache" "$bundle" "$@"
    echo
}

if [ "$#" -gt 0 ]; then
    bench "$@"
else
    bench version
fi
if [ -n "${HM_MACHINE:-}" ]; then
    bench env "$HM_MACHINE"
fi

#!/usr/bin/env bash
# Memory of the embedded default at a fleet size, measured from outside: the platform is started by
# ./harbormaster start (so with the JVM options and start-up cache that command uses) on a fresh home, N machines of
# the none driver are created through the REST API (at most 8 requests in flight), and once the machine list shows
# them all and the reconciler has gone over them twice, the script prints the java process's resident set, the
# proportional set size of the embedded PostgreSQL (its shared buffers would count once per backend in a sum of
# resident sets), the heap after a full GC, and the JVM's native memory tracking summary.
#
# The machines' Docker URLs are loopback addresses (127.0.x.y:9) that refuse connections at once, so every
# reconciler pass really probes all of them without leaving the machine. Nothing else is contacted.
#
# Needs curl and jq. Usage: infra/standalone/memory-benchmark.sh [N]   (default 10000, at most 20000)
# HARBORMASTER_JAVA_OPTS replaces the launcher's JVM options (HARBORMASTER_JAVA_OPTS= for none: the JVM's defaults).
set -euo pipefail
cd "$(dirname "$0")/../.."

n=${1:-10000}
[[ $n =~ ^[0-9]+$ ]] && ((n >= 1 && n <= 20000)) || { echo "N must be 1 to 20000" >&2; exit 2; }
for tool in curl jq; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jcmd=$JAVA_HOME/bin/jcmd

work=$(mktemp -d /tmp/hm-memory.XXXXXX)
java_pid=""
sampler_pid=""
cleanup() {
    [[ -n $sampler_pid ]] && kill "$sampler_pid" 2>/dev/null || true
    if [[ -n $java_pid ]]; then
        kill "$java_pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$java_pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }
mib() { echo $(($1 / 1024)); }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores at the start"
# NMT through the launcher's environment, so the options the launcher chooses stay as they are
HARBORMASTER_HOME=$work/home HARBORMASTER_PORT=$port \
    JDK_JAVA_OPTIONS="-XX:NativeMemoryTracking=summary ${JDK_JAVA_OPTIONS:-}" \
    setsid ./harbormaster start --harbormaster.network.allow=127.0.0.0/8 --harbormaster.network.deny= \
    >"$work/platform.log" 2>&1 </dev/null &
launcher=$!
for _ in $(seq 1 600); do
    grep -q 'one-time password' "$work/platform.log" && break
    kill -0 "$launcher" 2>/dev/null || { tail -30 "$work/platform.log" >&2; exit 1; }
    sleep 1
done
grep -q 'one-time password' "$work/platform.log" || { echo "the platform did not start in 10 minutes" >&2; exit 1; }
# the launcher execs java, so its pid is the JVM's
java_pid=$launcher
echo "JVM options: $(tr '\0' ' ' <"/proc/$java_pid/cmdline" | sed 's/ -jar .*//; s|^[^ ]*/java *||')"
password=$(grep -A1 'one-time password' "$work/platform.log" | tail -1 | tr -d ' ')
api=http://127.0.0.1:$port/api
# one Basic sign-in for a token: Basic would hash the password on every one of N requests
token=$(curl -sf -u "admin:$password" -H 'Content-Type: application/json' -d '{"name":"memory-benchmark","expiresInDays":1}' \
    "$api/tokens" | jq -r .token)
unset password
printf 'header = "Authorization: Bearer %s"\n' "$token" >"$work/auth"
chmod 600 "$work/auth"
call() { curl -sf -K "$work/auth" "$@"; }
team=$(call "$api/teams" | jq -r '.teams[] | select(.name == "default") | .id')

# the java process's resident set and the proportional set size of its embedded PostgreSQL, in KiB
memory() {
    local java_kib pg_kib=0 pid kib
    java_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")
    # the postmaster names the data directory; its backends are its children
    for pid in $(for master in $(pgrep -f "$work/home/postgres" || true); do echo "$master"; pgrep -P "$master" || true; done); do
        kib=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
        pg_kib=$((pg_kib + ${kib:-0}))
    done
    echo "$java_kib $pg_kib"
}

# heap used and committed in KiB after a full GC, from jstat's columns by name (any collector)
heap_after_gc() {
    "$jcmd" "$java_pid" GC.run >/dev/null
    "$JAVA_HOME/bin/jstat" -gc "$java_pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; committed = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"];
          printf "%d %d %d %d\n", used, committed, $col["MU"], $col["MC"] }'
}

report() {
    local label=$1 java_kib pg_kib used committed meta_used meta_committed
    read -r used committed meta_used meta_committed < <(heap_after_gc)
    read -r java_kib pg_kib < <(memory)
    echo "$label: java RSS $(mib "$java_kib") MiB; embedded PostgreSQL PSS $(mib "$pg_kib") MiB;" \
        "heap after full GC $(mib "${used%.*}") MiB used of $(mib "${committed%.*}") MiB committed;" \
        "metaspace $(mib "${meta_used%.*}") MiB used"
}

report "after start"

# The requests as a curl config, sent by one curl with at most 8 in flight (N curl processes would cost more than
# the server). "next" resets every per-transfer option, so each request carries its own header and answer format.
AUTH=$(<"$work/auth") awk -v n="$n" -v api="$api" -v team="$team" 'BEGIN {
    for (i = 0; i < n; i++) {
        if (i > 0) print "next"
        printf "url = \"%s/machines\"\n%s\nheader = \"Content-Type: application/json\"\n", api, ENVIRON["AUTH"]
        printf "data = \"{\\\"team\\\":\\\"%s\\\",\\\"name\\\":\\\"mem-%05d\\\",\\\"driver\\\":\\\"none\\\",", team, i
        printf "\\\"driverOptions\\\":{\\\"url\\\":\\\"tcp://127.0.%d.%d:9\\\"}}\"\n", int(i / 250), i % 250 + 1
        printf "output = \"/dev/null\"\nmax-time = 60\nwrite-out = \"%%{http_code}\\n\"\n"
    }
}' >"$work/requests"
chmod 600 "$work/requests"
# the resident set every second from here to the end, for the peak (between full GCs, not only after one)
(while kill -0 "$java_pid" 2>/dev/null; do memory >>"$work/samples"; sleep 1; done) &
sampler_pid=$!
started=$(now)
curl -s --parallel --parallel-max 8 -K "$work/requests" >"$work/statuses" 2>"$work/curl.log" || true
accepted=$(grep -c '^202$' "$work/statuses" || true)
echo "$accepted of $n create requests accepted (HTTP 202) in $(seconds "$started" "$(now)")"
grep -v '^202$' "$work/statuses" | sort | uniq -c | sed 's/^/  other answers: /' || true

total() { call --get --data-urlencode "team=$team" --data-urlencode size=1 "$@" "$api/machines" | jq .total; }
listed=0
for _ in $(seq 1 1800); do
    listed=$(total)
    creating=$(total --data-urlencode state=Creating)
    ((listed >= accepted && creating == 0)) && break
    sleep 1
done
echo "machine list shows $listed machines ($creating still Creating) $(seconds "$started" "$(now)") after the first request"

# Two reconciler passes: the platform's interval (default 30 s) twice, plus the time a pass takes
settle=${SETTLE_SECONDS:-75}
echo "settling for $settle s (two reconciler passes)..."
sleep "$settle"
call --get --data-urlencode "team=$team" --data-urlencode size=1 --data-urlencode state=Error "$api/machines" |
    jq -r '"machines in Error after probing (their addresses refuse): \(.total)"'

kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""
peak_java=$(awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }' "$work/samples")
peak_pg=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$work/samples")
echo "peak while creating and settling: java RSS $(mib "$peak_java") MiB, embedded PostgreSQL PSS $(mib "$peak_pg") MiB ($(wc -l <"$work/samples") samples, 1 s apart)"
report "after $listed machines"
"$jcmd" "$java_pid" VM.native_memory summary >"$work/nmt"
echo "native memory tracking (committed), largest first:"
awk '/^Total:/ { print "  " $0 }' "$work/nmt"
grep -E '^-' "$work/nmt" | sed -E 's/^- *//; s/ \(reserved=[0-9]+KB, committed=([0-9]+)KB\)/|\1/' |
    sort -t'|' -k2 -nr | head -12 | awk -F'|' '{ printf "  %-28s %6d MiB\n", $1, $2 / 1024 }'
echo "class histogram (top 12 by bytes):"
"$jcmd" "$java_pid" GC.class_histogram | sed -n '4,15p' | awk '{ printf "  %8.1f MiB %9d  %s\n", $3 / 1048576, $2, $4 }'
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores at the end"

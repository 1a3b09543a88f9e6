#!/usr/bin/env bash
# Parallel creation of generic machines on real test hosts, measured from outside the platform: the packaged
# standalone jar runs as its own process on a fresh home (embedded PostgreSQL), one machine is created alone, then
# N at the same moment through the REST API, while the platform's memory is sampled every 200 ms (resident set of
# the java process; proportional set size of its embedded PostgreSQL, whose shared buffers would count once per
# backend in a resident-set sum). The in-JVM test ParallelCreationIntegrationTest asserts the same run; this script
# gives figures for the platform alone.
#
# Needs root, Debian 12 and the test host packages (infra/testhosts/README.md), plus curl and jq.
# Usage: infra/standalone/parallel-creation-benchmark.sh [N]   (N machines at once, default 10, at most 20)
set -euo pipefail
cd "$(dirname "$0")/../.."

n=${1:-10}
[[ $n =~ ^[0-9]+$ ]] && ((n >= 1 && n <= 20)) || { echo "N must be 1 to 20" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { echo "run as root: test hosts need network namespaces" >&2; exit 1; }
for tool in curl jq; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
T=infra/testhosts/testhosts
"$T" check >/dev/null

jar=infra/standalone/target/harbormaster.jar
[[ -f $jar ]] || ./mvnw -q -B -DskipTests package -pl infra/standalone -am

work=$(mktemp -d /tmp/hm-bench.XXXXXX)
java_pid=""
sampler_pid=""
hosts=()
cleanup() {
    [[ -n $sampler_pid ]] && kill "$sampler_pid" 2>/dev/null || true
    [[ -n $java_pid ]] && kill "$java_pid" 2>/dev/null && wait "$java_pid" 2>/dev/null || true
    for host in "${hosts[@]}"; do
        "$T" down "$host" --purge >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f s", b - a }'; }

ssh-keygen -q -t ed25519 -N '' -f "$work/key"
started=$(now)
for i in $(seq 0 "$n"); do
    host=$(printf 'bench-%02d' "$i")
    hosts+=("$host")
    "$T" up "$host" "10.213.0.$((160 + i))" --authorized-key "$work/key.pub" >/dev/null &
done
wait
echo "$((n + 1)) test hosts up in $(seconds "$started" "$(now)")"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HARBORMASTER_HOME=$work/home HARBORMASTER_PORT=$port "$JAVA_HOME/bin/java" -jar "$jar" \
    --harbormaster.reconciler.interval=0 >"$work/platform.log" 2>&1 </dev/null &
java_pid=$!
for _ in $(seq 1 180); do
    grep -q 'one-time password' "$work/platform.log" && break
    kill -0 "$java_pid" 2>/dev/null || { tail -30 "$work/platform.log" >&2; exit 1; }
    sleep 1
done
password=$(grep -A1 'one-time password' "$work/platform.log" | tail -1 | tr -d ' ')
api=http://127.0.0.1:$port/api
auth=(-u "admin:$password")
team=$(curl -sf "${auth[@]}" "$api/teams" | jq -r '.teams[] | select(.name == "default") | .id')

# the java process's resident set, and the proportional set size of its embedded PostgreSQL, in KiB
memory() {
    local java_kib pg_kib=0 pid kib
    java_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")
    # the postmaster names the data directory; its backends are its children
    for pid in $(for master in $(pgrep -f "$work/home" | grep -vx "$java_pid"); do echo "$master"; pgrep -P "$master"; done); do
        kib=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
        pg_kib=$((pg_kib + ${kib:-0}))
    done
    echo "$java_kib $pg_kib"
}
sample() {
    while :; do
        memory >>"$work/memory"
        sleep 0.2
    done
}
mib() { echo $(($1 / 1024)); }

create() {
    local name=$1 ip=$2
    jq -n --arg team "$team" --arg name "$name" --arg ip "$ip" --rawfile key "$work/key" \
        '{team: $team, name: $name, driver: "generic", driverOptions: {"ip-address": $ip}, sshKey: $key}' |
        curl -s "${auth[@]}" -H 'Content-Type: application/json' -d @- -o "$work/created-$name" -w '%{http_code}' \
            "$api/machines" >"$work/status-$name"
    [[ $(<"$work/status-$name") == 202 ]] || { echo "creating $name: HTTP $(<"$work/status-$name") $(<"$work/created-$name")" >&2; return 1; }
}

# waits until every machine named like $1 is Running or Error; prints "<running> <error>"
settle() {
    local pattern=$1 count=$2 list running error
    for _ in $(seq 1 1200); do
        list=$(curl -sf "${auth[@]}" --get --data-urlencode "team=$team" --data-urlencode "name=$pattern" \
            --data-urlencode size=50 "$api/machines")
        running=$(jq '[.items[] | select(.state == "Running")] | length' <<<"$list")
        error=$(jq '[.items[] | select(.state == "Error")] | length' <<<"$list")
        ((running + error >= count)) && { echo "$running $error"; return; }
        sleep 0.1
    done
    echo "$running $error (gave up after 120 s)"
}

read -r idle_java idle_pg < <(memory)
echo "platform idle after start: java RSS $(mib "$idle_java") MiB, embedded PostgreSQL PSS $(mib "$idle_pg") MiB"

started=$(now)
create bench-00 10.213.0.160 >/dev/null
read -r running error < <(settle 'bench-00' 1)
echo "one machine alone: create request to Running in $(seconds "$started" "$(now)") ($running running, $error in error)"

sample &
sampler_pid=$!
started=$(now)
requests=()
for i in $(seq 1 "$n"); do
    create "$(printf 'bench-%02d' "$i")" "10.213.0.$((160 + i))" >/dev/null &
    requests+=($!)
done
wait "${requests[@]}"
read -r running error < <(settle 'bench-(0[1-9]|1[0-9]|20)' "$n")
echo "$n machines at once: all settled $(seconds "$started" "$(now)") after the first request ($running running, $error in error)"
kill "$sampler_pid"
sampler_pid=""
peak_java=$(awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }' "$work/memory")
peak_pg=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$work/memory")
echo "platform memory during the run: java RSS peak $(mib "$peak_java") MiB (idle $(mib "$idle_java")), embedded PostgreSQL PSS peak $(mib "$peak_pg") MiB (idle $(mib "$idle_pg")); $(wc -l <"$work/memory") samples"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
((error == 0))

#!/usr/bin/env bash
# Cold start of the embedded default as a user has it: from running ./harbormaster start (so with the launcher's JVM
# options and start-up cache) to the first 200 from /actuator/health/readiness (database, secret store, event
# processors and dead letters all up), N times on a fresh home and N times on a home that has been started before.
# Each start is stopped (SIGTERM, the embedded PostgreSQL with it) before the next. One untimed start comes first: it
# builds the jar and the start-up cache if they are missing, which is a one-time cost, and makes the reused home.
#
# Needs curl. Usage: infra/standalone/start-benchmark.sh [N [--option=value ...]]   (default 5, at most 20)
# The options go to the platform; HARBORMASTER_JAVA_OPTS and HARBORMASTER_AOT_CACHE=off go to the launcher. The start
# as it was before issue 18's start-up work, for comparison:
#   HARBORMASTER_JAVA_OPTS= HARBORMASTER_AOT_CACHE=off infra/standalone/start-benchmark.sh 5 \
#       --harbormaster.embedded-postgres.early-start=false
# START_LOGS=<directory> keeps each start's log there (fresh-1.log, existing-1.log, ...) for a look at the phases.
set -euo pipefail
cd "$(dirname "$0")/../.."

n=${1:-5}
shift || true
[[ $n =~ ^[0-9]+$ ]] && ((n >= 1 && n <= 20)) || { echo "N must be 1 to 20" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 1; }

work=$(mktemp -d /tmp/hm-start.XXXXXX)
java_pid=""
stop() {
    [[ -n $java_pid ]] || return 0
    kill "$java_pid" 2>/dev/null || true
    # bounded: the platform stops its PostgreSQL within seconds
    for _ in $(seq 1 120); do kill -0 "$java_pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$java_pid" 2>/dev/null || true
    java_pid=""
}
cleanup() {
    stop
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# one start on $1 (a home directory), in this shell so that the exit trap can stop it; writes the seconds to ready
# and Spring's own figure to $work/result
start_once() {
    local home=$1 log=$work/start.log started ready code
    shift
    started=$(date +%s.%N)
    HARBORMASTER_HOME=$home HARBORMASTER_PORT=$port setsid ./harbormaster start "$@" >"$log" 2>&1 </dev/null &
    java_pid=$!
    for _ in $(seq 1 12000); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" || true)
        [[ $code == 200 ]] && break
        kill -0 "$java_pid" 2>/dev/null || { tail -30 "$log" >&2; echo "the platform exited" >&2; exit 1; }
        sleep 0.05
    done
    [[ $code == 200 ]] || { echo "not ready after 10 minutes" >&2; exit 1; }
    ready=$(date +%s.%N)
    awk -v a="$started" -v b="$ready" -v spring="$(grep -o 'Started HarbormasterApplication in [0-9.]* seconds' "$log" |
        grep -o '[0-9.]*')" 'BEGIN { printf "%.2f %s\n", b - a, spring }' >"$work/result"
    stop
    if [[ -n ${START_LOGS:-} ]]; then
        mkdir -p "$START_LOGS"
        # a fresh home's log holds its one-time password: not kept
        sed '/one-time password/,+1d' "$log" >"$START_LOGS/$(basename "$home").log"
    fi
}

stats() {
    sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "min %.2f s, median %.2f s, max %.2f s (%d starts)", v[1], m, v[NR], NR }'
}

echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores at the start"
echo "untimed first start (builds the jar and the start-up cache if missing)..."
start_once "$work/existing" "$@"
for i in $(seq 1 "$n"); do
    start_once "$work/fresh-$i" "$@"
    read -r seconds spring <"$work/result"
    echo "$seconds" >>"$work/fresh"
    rm -rf "$work/fresh-$i"
    start_once "$work/existing" "$@"
    read -r again spring_again <"$work/result"
    echo "$again" >>"$work/existing-times"
    echo "run $i: fresh home $seconds s to ready (Spring: started in $spring s); existing home $again s (Spring: $spring_again s)"
done
echo "fresh home:    $(stats <"$work/fresh")"
echo "existing home: $(stats <"$work/existing-times")"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores at the end"

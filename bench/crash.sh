#!/usr/bin/env bash
# Crash test of issue 9: bench/crash.sh
#
# Starts the app on a fresh data directory (bench/work/crash/) with a few sites of generated data, takes in requests
# through the API with 16 clients, kills the app with SIGKILL in the middle of it (its embedded PostgreSQL is left
# running, as after a real crash), restarts it on the same data directory (the app stops the leftover server itself)
# and checks that every request a client was told was taken in (201 with its number) exists with that number, its
# "received" event first on its timeline and its SLA due times, and that the restarted app serves it.
# Exits 0 when all of that holds.
#
# Environment: BENCH_SKIP_BUILD=1 uses the jar in target/; CRASH_AFTER (seconds of load after the first 20
# acknowledgements before the kill, default 5).
set -euo pipefail

# Ports of its own, so that it can run next to bench/run.sh.
BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-18081}
BENCH_DB_PORT=${BENCH_DB_PORT:-15433}
# Its first app is killed, so it would never leave a class data archive: plain starts.
BENCH_CDS=${BENCH_CDS:-0}
source "$(dirname "$0")/lib.sh"
WORK=$BENCH/work/crash
DATA=$WORK/data
LOAD_PID=

cleanup() {
    if [[ -n $LOAD_PID ]] && kill -0 "$LOAD_PID" 2>/dev/null; then
        kill "$LOAD_PID" || true
    fi
    stop_app
    stop_leftover_postgres "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build
rm -rf "$WORK"
mkdir -p "$WORK"
start_app "$DATA" "$WORK/app-setup.log"
java -cp "$PG_JAR" "$BENCH/Generate.java" "$(jdbc_url)" 0.01 >"$WORK/generate.log"
log "data: $(grep '^generated:' "$WORK/generate.log")"

cat >"$WORK/meta.properties" <<PROPS
base=http://127.0.0.1:$HTTP_PORT
jdbc=$(jdbc_url)
password=$PASSWORD
acks=$WORK/acknowledged.txt
seconds=600
PROPS

log "intake load with 16 clients; SIGKILL to the app ${CRASH_AFTER:-5} s after the first 20 acknowledgements"
java -cp "$PG_JAR:$ROOT/target/classes" "$BENCH/Driver.java" crash-load "$WORK/meta.properties" &
LOAD_PID=$!
for _ in $(seq 1 600); do
    [[ -f $WORK/acknowledged.txt && $(wc -l <"$WORK/acknowledged.txt") -ge 20 ]] && break
    kill -0 "$LOAD_PID" 2>/dev/null || { log "the load driver ended before 20 requests were taken in"; exit 1; }
    sleep 0.5
done
sleep "${CRASH_AFTER:-5}"
KILLED_PID=$APP_PID
kill -KILL "$KILLED_PID"
wait "$KILLED_PID" 2>/dev/null || true
APP_PID=
log "killed the app (pid $KILLED_PID) after $(wc -l <"$WORK/acknowledged.txt") acknowledged requests"
wait "$LOAD_PID" || true
LOAD_PID=

log "restarting on the same data directory"
start_app "$DATA" "$WORK/app-restart.log"
grep -h -i 'leftover\|left running' "$WORK/app-restart.log" | head -3 || true

java -cp "$PG_JAR:$ROOT/target/classes" "$BENCH/Driver.java" crash-check "$WORK/meta.properties"

#!/usr/bin/env bash
# The benchmark of issue 8: bench/run.sh [small|large]
#
# Builds the jar, creates a fresh embedded-PostgreSQL data directory under bench/work/<size>/, starts the app once so
# that Flyway creates the schema (demo data off, a bootstrap admin whose password hash the bench accounts share),
# generates one year of a property company in SQL (bench/Generate.java), restarts the app with -Xmx512m on that data,
# and runs the load driver (bench/Driver.java): the results table is printed and written to
# bench/results/<date>-<size>.md.
#
# small: 20 sites, 20 000 houses, 30 000 customers, 200 000 requests (a few minutes)
# large: 200 sites, 200 000 houses, 300 000 customers, 2 000 000 requests (under 20 minutes on 2 cores)
#
# Environment: BENCH_SKIP_BUILD=1 uses the jar in target/; BENCH_REUSE_DATA=1 keeps data generated earlier for the
# same size (less the requests earlier runs' intake added); BENCH_WARMUP / BENCH_MEASURE (seconds per scenario), BENCH_JIT_WARMUP (seconds of
# every page in a mix before the first scenario); BENCH_HTTP_PORT (18080), BENCH_DB_PORT (15432);
# BENCH_CDS (1): class data sharing, the archive written by the setup start (0: the plain jar);
# BENCH_DB_SHARED_BUFFERS (1GB): the database's page cache, sized as a server holding this data would be (PostgreSQL's
# default of 128MB holds a few percent of the large data set).
set -euo pipefail

SIZE=${1:-small}
case $SIZE in
    small) SCALE=0.1; WARMUP=${BENCH_WARMUP:-5}; MEASURE=${BENCH_MEASURE:-10}; JIT_WARMUP=${BENCH_JIT_WARMUP:-45} ;;
    large) SCALE=1; WARMUP=${BENCH_WARMUP:-5}; MEASURE=${BENCH_MEASURE:-15}; JIT_WARMUP=${BENCH_JIT_WARMUP:-60} ;;
    *) echo "usage: bench/run.sh [small|large]" >&2; exit 2 ;;
esac

source "$(dirname "$0")/lib.sh"
DB_SHARED_BUFFERS=${BENCH_DB_SHARED_BUFFERS:-1GB}
WORK=$BENCH/work/$SIZE
DATA=$WORK/data
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$SECONDS

cleanup() {
    stop_app
    stop_leftover_postgres "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build

if [[ ${BENCH_REUSE_DATA:-0} == 1 && -f $WORK/generated.txt ]]; then
    log "reusing the data generated earlier in $WORK; forgetting the requests earlier runs took in"
    start_app "$DATA" "$WORK/app-setup.log" --propertydesk.scheduling.enabled=false
    java -cp "$PG_JAR" "$BENCH/Generate.java" "$(jdbc_url)" forget-intake
    stop_app
else
    rm -rf "$WORK"
    mkdir -p "$WORK"
    log "first start on an empty data directory: schema by Flyway, bootstrap admin"
    start_app "$DATA" "$WORK/app-setup.log" --propertydesk.scheduling.enabled=false
    log "generating the $SIZE data set (scale $SCALE)"
    java -cp "$PG_JAR" "$BENCH/Generate.java" "$(jdbc_url)" "$SCALE" | tee "$WORK/generate.log"
    grep '^generated:' "$WORK/generate.log" | sed 's/^generated: //' >"$WORK/generated.txt"
    stop_app
fi

log "starting the app with -Xmx512m on the generated data, the database with $DB_SHARED_BUFFERS of shared buffers"
start_app "$DATA" "$WORK/app.log" --propertydesk.embedded-db.shared-buffers="$DB_SHARED_BUFFERS"

DATE=$(date +%Y-%m-%d)
mkdir -p "$BENCH/results"
cat >"$WORK/meta.properties" <<EOF
base=http://127.0.0.1:$HTTP_PORT
jdbc=$(jdbc_url)
password=$PASSWORD
size=$SIZE
date=$(date '+%Y-%m-%d %H:%M %Z')
machine=$(uname -sm), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo)
load=$LOAD_BEFORE
data=$(cat "$WORK/generated.txt")
started=${STARTED:-?}
cds=${BENCH_CDS:-1}
ready=$READY
pid=$APP_PID
warmup=$WARMUP
measure=$MEASURE
jitWarmup=$JIT_WARMUP
dbSharedBuffers=$DB_SHARED_BUFFERS
out=$BENCH/results/$DATE-$SIZE.md
EOF

log "running the load driver"
java -cp "$PG_JAR:$ROOT/target/classes" "$BENCH/Driver.java" "$WORK/meta.properties"
log "done in $((SECONDS - T0)) s"

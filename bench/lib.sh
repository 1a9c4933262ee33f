# Shared by bench/run.sh and bench/crash.sh (sourced, not run): build the jar, start and stop the app on a bench
# data directory, and clean up what was started when the script ends, however it ends.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
PASSWORD=${BENCH_PASSWORD:-bench-password-1}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-15432}
APP_PID=

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# Builds the jar from the working tree (offline when the local Maven repository has everything), unless
# BENCH_SKIP_BUILD=1 and a jar exists, and unpacks it. Sets APP_JAR, CDS_ARCHIVE (not yet written) and PG_JAR (the
# PostgreSQL driver the app ships, for the Java tools).
build() {
    if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]] || ! ls "$ROOT"/target/propertydesk-*.jar >/dev/null 2>&1; then
        log "building the jar (./mvnw -q -o -DskipTests package)"
        (cd "$ROOT" && ./mvnw -q -o -DskipTests package) || (cd "$ROOT" && ./mvnw -q -DskipTests package)
    fi
    JAR=$(ls "$ROOT"/target/propertydesk-*.jar | grep -v '\.original$' | head -1)
    # Unpacked, because class data sharing cannot archive the classes of nested jars.
    APP_DIR=$BENCH/work/app-$(basename "$0" .sh)
    rm -rf "$APP_DIR"
    java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
    APP_JAR=$APP_DIR/$(basename "$JAR")
    PG_JAR=$(ls "$APP_DIR"/lib/postgresql-*.jar | head -1)
    CDS_ARCHIVE=$APP_DIR/propertydesk.jsa
}

# start_app <data dir> <log file> [extra app arguments...]: starts the app in the background with a fixed heap and
# waits until it answers; sets APP_PID, STARTED (Spring's own start time) and READY (seconds until it answered).
# With class data sharing (BENCH_CDS=1, the default), the first start after build() writes the archive of the classes
# it loaded when it stops, and later starts map that archive instead of loading and verifying those classes again:
# the same training-run setup as the Docker image (src/main/docker/Dockerfile).
start_app() {
    local data=$1 logfile=$2
    shift 2
    local t0=$SECONDS cds=()
    TRAINING=0
    if [[ ${BENCH_CDS:-1} == 1 ]]; then
        if [[ -f $CDS_ARCHIVE ]]; then
            cds=(-XX:SharedArchiveFile="$CDS_ARCHIVE")
        else
            cds=(-XX:ArchiveClassesAtExit="$CDS_ARCHIVE")
            TRAINING=1
        fi
    fi
    java -Xmx512m ${cds[@]+"${cds[@]}"} -jar "$APP_JAR" \
        --server.port="$HTTP_PORT" \
        --propertydesk.data-dir="$data" \
        --propertydesk.embedded-db.port="$DB_PORT" \
        --propertydesk.demo-data.enabled=false \
        --propertydesk.bootstrap-admin.password="$PASSWORD" \
        "$@" >"$logfile" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 600); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            log "the app exited during start; last lines of $logfile:"
            tail -30 "$logfile"
            APP_PID=
            return 1
        fi
        if curl -fsS -o /dev/null "http://127.0.0.1:$HTTP_PORT/actuator/health/readiness" 2>/dev/null; then
            READY=$((SECONDS - t0))
            STARTED=$(grep -o 'Started PropertyDeskApplication in [0-9.]*' "$logfile" | awk '{print $4}' | tail -1)
            log "app up (pid $APP_PID): started in ${STARTED:-?} s, ready after ${READY} s"
            return 0
        fi
        sleep 0.5
    done
    log "the app did not become ready in 300 s"
    return 1
}

# Stops the app gracefully (it stops its embedded PostgreSQL with it).
stop_app() {
    if [[ -n ${APP_PID:-} ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID"
        for _ in $(seq 1 120); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            kill -KILL "$APP_PID"
            # JDK 17 crashes on mapping the truncated archive a killed training run leaves.
            [[ ${TRAINING:-0} == 1 ]] && rm -f "$CDS_ARCHIVE"
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}

# A PostgreSQL left running by a killed app is stopped through the pid in its postmaster.pid (fast shutdown).
stop_leftover_postgres() {
    local pidfile=$1/postgres/postmaster.pid pid
    if [[ -f $pidfile ]]; then
        pid=$(head -1 "$pidfile")
        if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
            log "stopping the PostgreSQL server the killed app left running (pid $pid)"
            kill -INT "$pid" || true
            for _ in $(seq 1 60); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.5
            done
        fi
    fi
}

jdbc_url() {
    echo "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres"
}

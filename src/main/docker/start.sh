#!/bin/sh
# The image's entrypoint: starts PropertyDesk with class data sharing. The first start of an image is its training
# run: when it stops cleanly, it leaves an archive of the classes it loaded; later starts map that archive instead of
# loading and verifying those classes again, which takes about a third off the start. The archive is kept in the data
# directory under the image's build id, so a new image trains its own. PROPERTYDESK_CDS=0 starts without it.
set -euf
home=${PROPERTYDESK_HOME:-/app}
jar=$home/jar/propertydesk.jar
dir=${PROPERTYDESK_DATA_DIR:-./data}/cds
archive=$dir/propertydesk-$(cat "$home/build-id").jsa
opts=${JAVA_OPTS:-}

plain() {
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options
    exec java -XX:MaxRAMPercentage=75 $opts -jar "$jar" "$@"
}

if [ "${PROPERTYDESK_CDS:-1}" = 0 ]; then
    plain "$@"
fi
case "$opts ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-}" in
    # JDK 17 crashes when a class file load hook (Flight Recorder, a Java agent) meets a dynamic archive.
    *FlightRecording*|*-javaagent*|*-agentlib*|*-agentpath*|*-Xshare*|*SharedArchiveFile*|*ArchiveClassesAtExit*)
        echo "start.sh: JVM options with Flight Recorder, an agent or their own class sharing: starting without the class data archive" >&2
        plain "$@"
        ;;
esac
if ! mkdir -p "$dir" 2>/dev/null || [ ! -w "$dir" ]; then
    echo "start.sh: $dir is not writable: starting without the class data archive" >&2
    plain "$@"
fi

# JDK 17 crashes on mapping a truncated archive rather than ignoring it: an archive is used only after a trial
# mapping with sharing required.
if [ -f "$archive" ] && ! java -XX:SharedArchiveFile="$archive" -Xshare:on -XX:ErrorFile=/dev/null \
        -XX:-CreateCoredumpOnCrash -cp "$jar" -version >/dev/null 2>&1; then
    echo "start.sh: the class data archive $archive is unusable; this run trains a new one" >&2
    rm -f "$archive"
fi
if [ -f "$archive" ]; then
    # shellcheck disable=SC2086
    exec java -XX:MaxRAMPercentage=75 -XX:SharedArchiveFile="$archive" $opts -jar "$jar" "$@"
fi

# The training run: the JVM writes the archive as it exits, whatever the exit, so it writes to a scratch name that
# becomes the archive only after a clean stop; a run that failed early (database unreachable, say) would otherwise
# leave an archive of a fraction of the classes for good. The shell stays the parent to pass the stop signal on.
find "$dir" -maxdepth 1 -name 'propertydesk-*.jsa*' -exec rm -f {} + 2>/dev/null || true
# shellcheck disable=SC2086
java -XX:MaxRAMPercentage=75 -XX:ArchiveClassesAtExit="$archive.part" $opts -jar "$jar" "$@" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT
status=0
while :; do
    wait "$pid" && status=0 || status=$?
    kill -0 "$pid" 2>/dev/null || break
done
case $status in
    0|143) [ -f "$archive.part" ] && mv -f "$archive.part" "$archive" ;;
    *) rm -f "$archive.part" ;;
esac
exit "$status"

#!/bin/sh
# The image's entrypoint: starts PropertyDesk with class data sharing. The first start of an image writes, as the
# container stops, the archive of the classes it loaded; later starts map that archive instead of loading and
# verifying those classes again, which takes about a third off the start. The archive is kept in the data volume
# under the image's build id, so a new image trains its own.
set -eu
home=${PROPERTYDESK_HOME:-/app}
jar=$home/jar/propertydesk.jar
dir=${PROPERTYDESK_DATA_DIR:-$home/data}/cds
archive=$dir/propertydesk-$(cat "$home/build-id").jsa
opts=${JAVA_OPTS:-}
cds=
case $opts in
    # JDK 17 crashes when a class file load hook (Flight Recorder, a Java agent) meets a dynamic archive.
    *FlightRecording*|*-javaagent*|*-agentlib*|*-agentpath*) ;;
    *)
        mkdir -p "$dir"
        # A container killed while it wrote the archive leaves it truncated, and JDK 17 crashes on mapping such a
        # file rather than ignoring it: an archive is used only after a trial mapping with sharing required.
        if [ -f "$archive" ] && ! java -XX:SharedArchiveFile="$archive" -Xshare:on -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash -cp "$jar" -version >/dev/null 2>&1; then
            echo "start.sh: the class data archive $archive is unusable; writing a new one at this run's exit" >&2
            rm -f "$archive"
        fi
        if [ -f "$archive" ]; then
            cds=-XX:SharedArchiveFile=$archive
        else
            find "$dir" -name 'propertydesk-*.jsa' -delete
            cds=-XX:ArchiveClassesAtExit=$archive
        fi
        ;;
esac
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java -XX:MaxRAMPercentage=75 $cds $opts -jar "$jar" "$@"

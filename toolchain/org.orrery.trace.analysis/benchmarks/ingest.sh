#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Runs TimelineIngestBenchmark against the built modules (build first:
#   ./mvnw -o -B -q -pl toolchain/org.orrery.trace.analysis -am verify -DskipTests).
# Usage: benchmarks/ingest.sh [events] [trace-folder]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp=$here/target/classes
for m in toolchain/org.orrery.trace.testing os-sources/org.orrery.os.trace os-sources/org.orrery.os.config \
         os-sources/org.orrery.os.api; do
  cp=$cp:$root/$m/target/classes
done
command -v babeltrace2 >/dev/null || { echo "babeltrace2 not found (Debian package babeltrace2)" >&2; exit 1; }
exec "$java" -Xmx2g -cp "$cp" "$here/benchmarks/TimelineIngestBenchmark.java" "$@"

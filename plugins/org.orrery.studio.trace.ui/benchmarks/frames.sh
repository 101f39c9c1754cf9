#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Runs TimelineFrameBenchmark under Xvfb against the built modules (build the plugin first:
#   ./mvnw -o -B -q -Dtycho.localArtifacts=ignore -pl plugins/org.orrery.studio.trace.ui -am verify -DskipTests).
# Usage: benchmarks/frames.sh [events] [trace-folder] [width]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
swt=$(ls "$HOME"/.m2/repository/org/eclipse/platform/org.eclipse.swt.gtk.linux.x86_64/*/org.eclipse.swt.gtk.linux.x86_64-*.jar \
      | sort -V | tail -n 1)
[ -n "$swt" ] || { echo "no SWT gtk jar in ~/.m2 (build the Studio plugins once)" >&2; exit 1; }
cp=$here/target/classes:$swt
for m in toolchain/org.orrery.trace.analysis toolchain/org.orrery.trace.testing os-sources/org.orrery.os.trace \
         os-sources/org.orrery.os.config os-sources/org.orrery.os.api dsl/org.orrery.dsl; do
  cp=$cp:$root/$m/target/classes
done
run="$java ${BENCH_JVM_OPTS:-} -Xmx2g -cp $cp $here/benchmarks/TimelineFrameBenchmark.java $*"
if [ -n "${DISPLAY:-}" ]; then exec $run; fi
command -v xvfb-run >/dev/null || { echo "no DISPLAY and no xvfb-run (Debian package xvfb)" >&2; exit 1; }
exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" $run

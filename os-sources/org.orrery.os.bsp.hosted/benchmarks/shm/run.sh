#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Compiles and runs the shared-memory port latency benchmark against the built bsp.hosted and config classes.
# Options go to the benchmark: --messages N --size BYTES --modes shm,uds-block,uds-spin --reader-cpu N
# WRITER_CPU=N pins this (writer) process with taskset; --reader-cpu pins the reader.
set -e
here=$(cd "$(dirname "$0")" && pwd)
os=$(cd "$here/../../.." && pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cp="$os/org.orrery.os.bsp.hosted/target/classes:$os/org.orrery.os.config/target/classes:$os/org.orrery.os.api/target/classes"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" --release 22 -d "$out" -cp "$cp" $(find "$here" -name '*.java')
pin=""
if [ -n "$WRITER_CPU" ]; then pin="taskset -c $WRITER_CPU"; fi
$pin "$java" -XX:+UseSerialGC -cp "$out:$cp" org.orrery.os.bsp.hosted.shm.bench.ShmLatencyBenchmark "$@"

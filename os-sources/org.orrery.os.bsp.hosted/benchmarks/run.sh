#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Hosted-board benchmarks: freeze/thaw latency per freeze interface, periodic wake-up lateness of a SCHED_FIFO Java
# thread against cyclictest, and the whole board (window-start lateness of 1 ms windows against cyclictest, board
# start to first window against a Java hello-world process). Needs root, os-sources built (target/classes of each
# module: ./mvnw -o -q -pl os-sources/org.orrery.os.bsp.hosted -am verify -DskipTests) and a JDK >= 22.
# debug: window-start lateness on a core whose other partition a debugger holds at a breakpoint, vs no debugger,
# each run with cyclictest on both processors meanwhile (the machine's own stalls).
# misses: the board benchmark's system with the board's trace: deadline misses per second, core held per job.
# calls: round trip of a kernel call from a partition process, against a Unix-socket ping between two JVMs.
# ports: sampling-port write→read between two partition processes, shared memory vs the kernel round trip.
# neighbour: a victim partition's window-start lateness beside a quiet and beside a spinning, allocating neighbour.
# BENCH_JAVA_OPTS: options for the benchmark JVM (the board's kernel JVM), e.g. -Xlog:safepoint*,gc*:file=/tmp/jvm.log
# Usage: run.sh [freeze|wakeup|board|misses|debug|neighbour|ports|calls|all] [arguments for that benchmark]
#   board [SECONDS] [ROUNDS]; debug [SECONDS] [ROUNDS] [attached]; neighbour [SECONDS] [ROUNDS]
set -e
here=$(cd "$(dirname "$0")" && pwd)
classes="$here/../target/classes"
what=${1:-all}
[ $# -gt 0 ] && shift
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
    JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*25* /usr/lib/jvm/*2[2-9]* 2>/dev/null | head -1)
fi
if [ ! -x "$JAVA_HOME/bin/java" ]; then
    echo "run.sh: no JDK >= 22 found (set JAVA_HOME)" >&2; exit 1
fi
if [ ! -d "$classes/org/orrery/os/bsp/hosted/linux" ]; then
    echo "run.sh: $classes has no compiled org.orrery.os.bsp.hosted.linux: build the module first" >&2; exit 1
fi
if [ "$(id -u)" != 0 ]; then
    echo "run.sh: needs root (cgroups, SCHED_FIFO, mlockall)" >&2; exit 1
fi
if [ "$what" != freeze ] && [ "$what" != misses ] && [ "$what" != ports ] && [ "$what" != calls ] && ! command -v cyclictest >/dev/null; then
    echo "run.sh: installing rt-tests for cyclictest" >&2
    apt-get install -y rt-tests >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y rt-tests >/dev/null; }
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
os="$here/../.."
for m in api config trace kernel partition bsp.sim; do classes="$classes:$os/org.orrery.os.$m/target/classes"; done
"$JAVA_HOME/bin/javac" -d "$out" -cp "$classes" $(find "$here" -name '*.java')
run() { "$JAVA_HOME/bin/java" $BENCH_JAVA_OPTS --enable-native-access=ALL-UNNAMED -cp "$out:$classes" "org.orrery.os.bsp.hosted.bench.$@"; }
case "$what" in
    freeze) run FreezeBenchmark "$@" ;;
    wakeup) run WakeupBenchmark "$@" ;;
    board) run BoardBenchmark "$os/org.orrery.os.api/target/classes" "$os/org.orrery.os.partition/target/classes" "$out" "$@" ;;
    misses) run MissBenchmark "$os/org.orrery.os.api/target/classes" "$os/org.orrery.os.partition/target/classes" "$out" "$@" ;;
    debug) run DebugLatenessBenchmark "$os/org.orrery.os.api/target/classes" "$os/org.orrery.os.partition/target/classes" "$out" "$@" ;;
    neighbour) run NeighbourBenchmark "$os/org.orrery.os.api/target/classes" "$os/org.orrery.os.partition/target/classes" "$out" "$@" ;;
    calls) run CallBenchmark "$os/org.orrery.os.api/target/classes" "$os/org.orrery.os.partition/target/classes" "$out" "$@" ;;
    ports) run PortBenchmark "$os/org.orrery.os.api/target/classes" "$os/org.orrery.os.partition/target/classes" "$out" "$@" ;;
    all) run FreezeBenchmark; echo; run WakeupBenchmark ;;
    *) echo "usage: run.sh [freeze|wakeup|board|misses|debug|neighbour|ports|calls|all] [args]" >&2; exit 2 ;;
esac

#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Compiles and runs the simulator benchmarks against the built os-sources jars.
set -e
here=$(cd "$(dirname "$0")" && pwd)
os=$(cd "$here/../.." && pwd)
cp="$os/org.orrery.os.api/target/classes:$os/org.orrery.os.config/target/classes:$os/org.orrery.os.trace/target/classes:$os/org.orrery.os.kernel/target/classes:$os/org.orrery.os.bsp.sim/target/classes"
out=$(mktemp -d)
javac -d "$out" -cp "$cp" $(find "$here" -name '*.java')
java -cp "$out:$cp" org.orrery.os.bsp.sim.bench.SimBenchmark "$@"
rm -rf "$out"

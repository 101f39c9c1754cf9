#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Compiles and runs the toolchain benchmarks against the CLI's class path (build releng/org.orrery.cli first).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$root/releng/scripts/jdk.sh"
cp="$root/releng/org.orrery.cli/target/lib/*"
out=$(mktemp -d)
"$JAVA_HOME/bin/javac" -d "$out" -cp "$cp" $(find "$here" -name '*.java')
cd "$root"
"$JAVA_HOME/bin/java" -cp "$out:$cp" org.orrery.toolchain.bench.PartitionProcessBenchmark "$@"
rm -rf "$out"

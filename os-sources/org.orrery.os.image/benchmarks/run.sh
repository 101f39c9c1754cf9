#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Partition-code verifier benchmark (not a test): its cost per image build of a system (default
# examples/flight-control) as a ratio against the rest of that build, same run. Needs the toolchain built
# (./mvnw -o -q -pl toolchain/org.orrery.toolchain -am verify -DskipTests).
# Usage: os-sources/org.orrery.os.image/benchmarks/run.sh [system.orrery] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SYSTEM="${1:-$ROOT/examples/flight-control/system.orrery}"
ROUNDS="${2:-10}"
(cd "$ROOT" && ./mvnw -B -o -q dependency:build-classpath -pl toolchain/org.orrery.toolchain \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
# This checkout's modules first: the local Maven repository may hold other versions of them.
OWN=""
for m in os-sources/org.orrery.os.api os-sources/org.orrery.os.config os-sources/org.orrery.os.trace \
         os-sources/org.orrery.os.kernel os-sources/org.orrery.os.bsp.sim os-sources/org.orrery.os.image \
         dsl/org.orrery.dsl toolchain/org.orrery.trace.analysis toolchain/org.orrery.toolchain; do
    OWN="$OWN:$ROOT/$m/target/classes"
done
CP="${OWN#:}:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$CP" "$ROOT/os-sources/org.orrery.os.image/benchmarks/VerifierBenchmark.java"
"$JAVA_HOME/bin/java" -cp "$WORK/classes:$CP" VerifierBenchmark "$SYSTEM" "$ROUNDS"

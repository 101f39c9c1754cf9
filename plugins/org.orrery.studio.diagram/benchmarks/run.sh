#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Schedule timeline benchmark (not a test): open the generated 1,000-partition system as the schedule editor does
# (session parse + validation, schedule model) against a plain Xtext parse of the same text, same JVM.
# Needs the diagram bundle and the DSL built (mvnw verify; the DSL's other dependencies come from ~/.m2).
# Usage: plugins/org.orrery.studio.diagram/benchmarks/run.sh [partitions] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="$(mktemp -d)"
PARTS="${1:-1000}"
python3 "$ROOT/dsl/benchmarks/generate-large-system.py" --cores 256 --partitions "$PARTS" --channels 10000 \
    "$WORK/large.orrery" "$WORK/large.xml" >/dev/null
(cd "$ROOT" && ./mvnw -B -o -q dependency:build-classpath -pl dsl/org.orrery.dsl.ide \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
# This worktree's DSL classes go first: the local repository may hold an older org.orrery.dsl (./orrery installs it).
CP="$ROOT/dsl/org.orrery.dsl/target/classes:$(cat "$WORK/cp.txt"):$ROOT/dsl/org.orrery.dsl.ide/target/classes:$ROOT/plugins/org.orrery.studio.diagram/target/classes"
javac -d "$WORK/classes" -cp "$CP" "$ROOT/plugins/org.orrery.studio.diagram/benchmarks/ScheduleBenchmark.java"
java --sun-misc-unsafe-memory-access=allow -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$WORK/classes:$CP" ScheduleBenchmark "$WORK/large.orrery" "${2:-3}" \
    2> >(grep -v -i -E 'warn|log4j' >&2)
rm -rf "$WORK"

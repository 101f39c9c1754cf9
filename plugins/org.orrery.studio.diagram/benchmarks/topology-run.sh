#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Topology layout + memory map benchmark (not a test) on a generated system.
# Needs the diagram bundle and the DSL built (mvnw install).
# Usage: plugins/org.orrery.studio.diagram/benchmarks/topology-run.sh [partitions] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="$(mktemp -d)"
PARTS="${1:-1000}"
python3 "$ROOT/dsl/benchmarks/generate-large-system.py" --cores 256 --partitions "$PARTS" --channels $((PARTS * 10)) \
    "$WORK/large.orrery" "$WORK/large.xml" >/dev/null
(cd "$ROOT" && ./mvnw -B -o -q dependency:build-classpath -pl dsl/org.orrery.dsl.ide \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
ELK="$HOME/.m2/repository/org/eclipse/elk"
for a in core graph alg.layered alg.common; do
    ELK_CP="${ELK_CP:-}:$ELK/org.eclipse.elk.$a/0.12.1/org.eclipse.elk.$a-0.12.1.jar"
done
# This worktree's DSL classes go first (the local repository may hold an older org.orrery.dsl).
CP="$ROOT/dsl/org.orrery.dsl/target/classes:$(cat "$WORK/cp.txt"):$ROOT/dsl/org.orrery.dsl.ide/target/classes:$ROOT/plugins/org.orrery.studio.diagram/target/classes$ELK_CP"
javac -d "$WORK/classes" -cp "$CP" "$ROOT/plugins/org.orrery.studio.diagram/benchmarks/TopologyBenchmark.java"
java --sun-misc-unsafe-memory-access=allow -Xmx3g -cp "$WORK/classes:$CP" TopologyBenchmark "$WORK/large.orrery" "${2:-3}" \
    2> >(grep -v -i -E 'warn|log4j' >&2)
rm -rf "$WORK"

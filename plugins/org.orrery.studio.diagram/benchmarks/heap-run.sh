#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Heap benchmark (not a test): the text editor, the graphical pages and the builder's pass of the generated
# 1,000-partition system open together in one JVM of -Xmx512m (HEAP overrides), retained heap after each step.
# Needs the DSL, this bundle, the editor bundle and the toolchain built (mvnw verify).
# Usage: plugins/org.orrery.studio.diagram/benchmarks/heap-run.sh [partitions]
set -euo pipefail
PARTS="${1:-1000}"
CHANNELS=$((PARTS * 10))
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
M2="$HOME/.m2/repository"
for a in core graph alg.layered alg.common; do
    EXTRA_CP="${EXTRA_CP:-}:$M2/org/eclipse/elk/org.eclipse.elk.$a/0.12.1/org.eclipse.elk.$a-0.12.1.jar"
done
for a in jface.text text; do
    EXTRA_CP="$EXTRA_CP:$(ls "$M2"/org/eclipse/platform/org.eclipse.$a/*/org.eclipse.$a-*.jar | sort -V | tail -1)"
done
TOOLCHAIN_CP="$(mktemp)"
(cd "$ROOT" && ./mvnw -B -o -q dependency:build-classpath -pl toolchain/org.orrery.toolchain \
    -Dmdep.outputFile="$TOOLCHAIN_CP" >/dev/null)
# This worktree's classes before the local repository's (which ./orrery may have filled with older ones)
for m in plugins/org.orrery.studio.editor toolchain/org.orrery.toolchain os-sources/org.orrery.os.image \
         os-sources/org.orrery.os.config; do
    EXTRA_CP="$EXTRA_CP:$ROOT/$m/target/classes"
done
EXTRA_CP="$EXTRA_CP:$(cat "$TOOLCHAIN_CP")"
rm -f "$TOOLCHAIN_CP"
. "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
run_benchmark HeapBenchmark "${HEAP:-512m}"

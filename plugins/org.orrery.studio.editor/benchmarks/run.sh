#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Editor benchmark (not a test): open the generated 1,000-partition system through the editor's LSP bridge and
# time first diagnostics and keystroke -> diagnostics. Needs the editor and the DSL built (mvnw install).
# Usage: [CHANNELS=n | SYSTEM=file.orrery] plugins/org.orrery.studio.editor/benchmarks/run.sh [partitions] [keystrokes]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="$(mktemp -d)"
PARTS="${1:-1000}"
if [ -n "${SYSTEM:-}" ]; then
    cp "$SYSTEM" "$WORK/large.orrery"   # an existing system instead of the generated one
else
    python3 "$ROOT/dsl/benchmarks/generate-large-system.py" --cores 256 --partitions "$PARTS" --channels "${CHANNELS:-10000}" \
        "$WORK/large.orrery" "$WORK/large.xml" >/dev/null
fi
(cd "$ROOT" && ./mvnw -B -o -q dependency:build-classpath -pl dsl/org.orrery.dsl.ide \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
# JFace text (document model) from the local repository, as the target platform pins it.
JFACE=$(ls "$HOME"/.m2/repository/org/eclipse/platform/org.eclipse.jface.text/*/org.eclipse.jface.text-*.jar | sort -V | tail -1)
TEXT=$(ls "$HOME"/.m2/repository/org/eclipse/platform/org.eclipse.text/*/org.eclipse.text-*.jar | sort -V | tail -1)
# This worktree's DSL classes go first: the local repository may hold an older org.orrery.dsl.
CP="$ROOT/dsl/org.orrery.dsl/target/classes:$(cat "$WORK/cp.txt"):$ROOT/dsl/org.orrery.dsl.ide/target/classes:$ROOT/plugins/org.orrery.studio.editor/target/classes:$JFACE:$TEXT"
javac -d "$WORK/classes" -cp "$CP" "$ROOT/plugins/org.orrery.studio.editor/benchmarks/EditorBenchmark.java"
java --sun-misc-unsafe-memory-access=allow -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$WORK/classes:$CP" EditorBenchmark "$WORK/large.orrery" "${2:-30}" \
    2> >(grep -v -i -E 'warn|log4j' >&2)

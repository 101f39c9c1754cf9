# SPDX-License-Identifier: EPL-2.0
# Sourced by this folder's benchmark scripts: generates the 256-core system of PARTS partitions and CHANNELS channels
# into WORK and sets CP to the DSL and diagram classes of this worktree (first: the local repository may hold an
# older org.orrery.dsl that ./orrery installed) plus the DSL's dependencies and EXTRA_CP. Then
# `run_benchmark CLASS HEAP ARGS...` compiles benchmarks/CLASS.java and runs it on the generated system.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/dsl/benchmarks/generate-large-system.py" --cores 256 --partitions "$PARTS" --channels "$CHANNELS" \
    "$WORK/large.orrery" "$WORK/large.xml" >/dev/null
(cd "$ROOT" && ./mvnw -B -o -q dependency:build-classpath -pl dsl/org.orrery.dsl.ide \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
CP="$ROOT/dsl/org.orrery.dsl/target/classes:$(cat "$WORK/cp.txt"):$ROOT/dsl/org.orrery.dsl.ide/target/classes"
CP="$CP:$ROOT/plugins/org.orrery.studio.diagram/target/classes${EXTRA_CP:-}"

run_benchmark() { # class, heap, arguments after the system file
  local class="$1" heap="$2"
  shift 2
  javac -d "$WORK/classes" -cp "$CP" "$ROOT/plugins/org.orrery.studio.diagram/benchmarks/$class.java"
  java --sun-misc-unsafe-memory-access=allow "-Xmx$heap" ${BENCH_JAVA_OPTS:-} -cp "$WORK/classes:$CP" "$class" \
      "$WORK/large.orrery" "$@" 2> >(grep -v -i -E 'warn|log4j' >&2)
}

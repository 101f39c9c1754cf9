#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# DSL benchmark (not a test): a 256-core, 1,000-partition, 10,000-channel system through the Orrery pipeline,
# against xmllint validating its ARINC 653 export (`orrery export-arinc`) with the schema of arinc-judge.sh.
# Whole processes, same run; each figure is the median of BENCH_RUNS runs (default 3). Also prints the
# start-up floor of a JVM CLI. Commands run in-process (ORRERY_SERVER=0): the compile server's figures are
# releng/org.orrery.cli/benchmarks/check-speed.sh's.
# Usage: dsl/benchmarks/run.sh [work-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="${1:-$(mktemp -d)}"
RUNS="${BENCH_RUNS:-3}"
mkdir -p "$WORK"
export ORRERY_SERVER=0
command -v xmllint >/dev/null || { echo "run.sh: xmllint missing (Debian: libxml2-utils)" >&2; exit 2; }
# Builds the CLI and its start-up cache if needed, outside the timings.
"$ROOT/orrery" --version >/dev/null
XSD="$WORK/judge.xsd"
"$ROOT/dsl/benchmarks/arinc-judge.sh" "$XSD"

timed() { # label, command...: median wall-clock seconds of RUNS whole processes
  local start end i times=()
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s.%N); "${@:2}" >"$WORK/$1.out" 2>&1 || true; end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}
ratio() { echo "$1 / $2" | bc -l; }

for shape in "256 1000 10000" "256 256 4096"; do
  set -- $shape
  name="large-$1c-$2p-$3ch"
  python3 "$ROOT/dsl/benchmarks/generate-large-system.py" --cores "$1" --partitions "$2" --channels "$3" \
      "$WORK/$name.orrery" "$WORK/$name-generated.xml"
  "$ROOT/orrery" export-arinc "$WORK/$name.orrery" -o "$WORK/$name.xml" >/dev/null
  xmllint --noout --schema "$XSD" "$WORK/$name.xml" 2>&1 | grep -q ' validates$' \
    || { echo "run.sh: the export of $name does not validate against the schema; no comparison" >&2; exit 1; }
  xml=$(timed "$name-xmllint" xmllint --noout --schema "$XSD" "$WORK/$name.xml")
  check=$(timed "$name-check" "$ROOT/orrery" check "$WORK/$name.orrery")
  gen=$(timed "$name-generate" "$ROOT/orrery" generate "$WORK/$name.orrery" -o "$WORK/$name-out")
  nocache=$(ORRERY_STARTUP_CACHE=0 timed "$name-check-nocache" "$ROOT/orrery" check "$WORK/$name.orrery")
  printf '%s: xmllint --schema %.2fs | orrery check %.2fs (%.1fx) | orrery generate %.2fs (%.1fx) | check without start-up cache %.2fs\n' \
      "$name" "$xml" "$check" "$(ratio "$check" "$xml")" "$gen" "$(ratio "$gen" "$xml")" "$nocache"
  tail -1 "$WORK/$name-check.out" | sed 's/^/    check: /'
  tail -1 "$WORK/$name-generate.out" | sed 's/^/    generate: /'
done

# The floor: what any JVM-based `orrery` pays before its first line of input, and a 30-line system.
mkdir -p "$WORK/classes"
printf 'public class Empty { public static void main(String[] a) { } }\n' >"$WORK/Empty.java"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" "$WORK/Empty.java"
empty=$(timed empty-jvm "$JAVA_HOME/bin/java" -cp "$WORK/classes" Empty)
version=$(timed version "$ROOT/orrery" --version)
small=$(timed small-check "$ROOT/orrery" check "$ROOT/examples/flight-control/system.orrery")
printf 'floor: empty JVM %.2fs | orrery --version (picocli) %.2fs | orrery check of examples/flight-control %.2fs\n' \
    "$empty" "$version" "$small"

# Phase breakdown in one JVM (second round is warm), with the launcher's JVM options for the DSL commands.
LIB="$ROOT/releng/org.orrery.cli/target/lib"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$LIB/*" "$ROOT/dsl/benchmarks/PipelineBenchmark.java"
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Dguice_bytecode_gen_option=DISABLED \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$WORK/classes:$LIB/*" \
    PipelineBenchmark "$WORK/large-256c-1000p-10000ch.orrery" 2

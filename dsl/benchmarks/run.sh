#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# DSL benchmark (not a test): a 256-core, 1,000-partition, 10,000-channel system through the Orrery pipeline,
# against xmllint validating the equivalent ARINC 653 XML with the export schema. Whole processes, same run.
# Usage: dsl/benchmarks/run.sh [work-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="${1:-$(mktemp -d)}"
mkdir -p "$WORK"
XSD="$ROOT/dsl/org.orrery.dsl/src/main/resources/org/orrery/dsl/arinc/arinc653-module.xsd"
LIB="$ROOT/releng/org.orrery.cli/target/lib"
command -v xmllint >/dev/null || { echo "run.sh: xmllint missing (Debian: libxml2-utils)" >&2; exit 2; }
"$ROOT/orrery" --version >/dev/null   # builds the CLI if needed, outside the timings

timed() { # label, command...: wall-clock seconds of a whole process
  local start end
  start=$(date +%s.%N); "${@:2}" >"$WORK/$1.out" 2>&1 || true; end=$(date +%s.%N)
  echo "$end - $start" | bc
}

export ORRERY_JAVA_OPTS="${ORRERY_JAVA_OPTS:---sun-misc-unsafe-memory-access=allow}"
for shape in "256 1000 10000" "256 256 4096"; do
  set -- $shape
  name="large-$1c-$2p-$3ch"
  python3 "$ROOT/dsl/benchmarks/generate-large-system.py" --cores "$1" --partitions "$2" --channels "$3" \
      "$WORK/$name.orrery" "$WORK/$name.xml"
  xml=$(timed "$name-xmllint" xmllint --noout --schema "$XSD" "$WORK/$name.xml")
  check=$(timed "$name-check" "$ROOT/orrery" check "$WORK/$name.orrery")
  gen=$(timed "$name-generate" "$ROOT/orrery" generate "$WORK/$name.orrery" -o "$WORK/$name-out")
  printf '%s: xmllint --schema %.2fs | orrery check %.2fs (%.1fx) | orrery generate %.2fs (%.1fx)\n' \
      "$name" "$xml" "$check" "$(echo "$check / $xml" | bc -l)" "$gen" "$(echo "$gen / $xml" | bc -l)"
  grep -h "error\[" "$WORK/$name-check.out" | sed 's/^/    /' | head -5 || true
done

# Phase breakdown in one JVM (second round is warm).
mkdir -p "$WORK/classes"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$LIB/*" "$ROOT/dsl/benchmarks/PipelineBenchmark.java"
"$JAVA_HOME/bin/java" $ORRERY_JAVA_OPTS -cp "$WORK/classes:$LIB/*" PipelineBenchmark "$WORK/large-256c-1000p-10000ch.orrery" 2

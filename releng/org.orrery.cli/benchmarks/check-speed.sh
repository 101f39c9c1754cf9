#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# `orrery check` as a whole process against its two baselines, measured in the same run (not a test):
#  - the 1,000-partition, 10,000-channel system vs `xmllint --schema` on its ARINC 653 XML export (written by
#    `orrery export-arinc`, validated against the standard module schema the DSL tests keep with Orrery's
#    extension schemas, as dsl/org.orrery.dsl.tests ArincSchema does);
#  - examples/flight-control vs a Java hello-world process.
# Each `orrery check` is timed in-process (ORRERY_SERVER=0), through the warm compile server, and once cold (the
# first call, which starts the server). Figures are medians of BENCH_RUNS runs (default 5).
# Usage: releng/org.orrery.cli/benchmarks/check-speed.sh [work-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="${1:-$(mktemp -d)}"
mkdir -p "$WORK" && WORK="$(cd "$WORK" && pwd)"
RUNS="${BENCH_RUNS:-5}"
command -v xmllint >/dev/null || { echo "check-speed.sh: xmllint missing (Debian: libxml2-utils)" >&2; exit 2; }
cd "$ROOT"
# Builds the CLI and its start-up cache if needed, outside the timings.
./orrery --version >/dev/null

# A private server folder: the first served call below is a cold start, and no other user's server is touched.
export ORRERY_SERVER_DIR="$WORK/server"
rm -rf "$ORRERY_SERVER_DIR" && mkdir -m 700 "$ORRERY_SERVER_DIR"
stop_servers() { # the servers this run started name their pid in their log
  local pid
  for pid in $(sed -n 's/.*(pid \([0-9]*\)).*/\1/p' "$ORRERY_SERVER_DIR"/*.log 2>/dev/null); do
    kill "$pid" 2>/dev/null || true
  done
}
trap stop_servers EXIT

large="$WORK/large.orrery"
python3 dsl/benchmarks/generate-large-system.py --cores 256 --partitions 1000 --channels 10000 "$large" "$WORK/large-old.xml"
ORRERY_SERVER=0 ./orrery export-arinc "$large" -o "$WORK/large.xml" >/dev/null
EXT="$ROOT/dsl/org.orrery.dsl/src/main/resources/org/orrery/dsl/arinc/ext"
cat >"$WORK/judge.xsd" <<XSD
<?xml version="1.0" encoding="UTF-8"?>
<!-- Orrery's extension schemas first, then the standard module schema (whose imports of AIR's files are skipped). -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:import namespace="ModExt" schemaLocation="$EXT/ModExt.xsd"/>
  <xs:import namespace="PartitionExt" schemaLocation="$EXT/PartitionExt.xsd"/>
  <xs:import namespace="Proc_Ext" schemaLocation="$EXT/Proc_Ext.xsd"/>
  <xs:import namespace="Window_Sched_Ext" schemaLocation="$EXT/Window_Sched_Ext.xsd"/>
  <xs:import namespace="Part_Sched_Ext" schemaLocation="$EXT/Part_Sched_Ext.xsd"/>
  <xs:include schemaLocation="$ROOT/dsl/org.orrery.dsl.tests/fixtures/vendor/arinc653-schema/air_module_a653.xsd"/>
</xs:schema>
XSD
xmllint --noout --schema "$WORK/judge.xsd" "$WORK/large.xml" 2>&1 | grep -q ' validates$' \
  || { echo "check-speed.sh: the export does not validate against the schema; no comparison" >&2; exit 1; }
mkdir -p "$WORK/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello, world"); } }\n' >"$WORK/hello/Hello.java"
"$JAVA_HOME/bin/javac" -d "$WORK/hello" "$WORK/hello/Hello.java"

once() { # label, command...: wall-clock seconds of one whole process
  local start end
  start=$(date +%s%N); "${@:2}" >"$WORK/$1.out" 2>&1 || true; end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}
timed() { # label, command...: median of RUNS
  local i times=()
  for ((i = 0; i < RUNS; i++)); do times+=("$(once "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}
fc=examples/flight-control/system.orrery
xml=$(timed xmllint xmllint --noout --schema "$WORK/judge.xsd" "$WORK/large.xml")
hello=$(timed hello "$JAVA_HOME/bin/java" -cp "$WORK/hello" Hello)
large_local=$(ORRERY_SERVER=0 timed large-in-process ./orrery check "$large")
fc_local=$(ORRERY_SERVER=0 timed fc-in-process ./orrery check "$fc")
fc_cold=$(once fc-cold ./orrery check "$fc")
fc_warm=$(timed fc-served ./orrery check "$fc")
large_warm=$(timed large-served ./orrery check "$large")
cmp -s "$WORK/large-in-process.out" "$WORK/large-served.out" && cmp -s "$WORK/fc-in-process.out" "$WORK/fc-served.out" \
  || echo "check-speed.sh: served output differs from in-process output (see $WORK/*.out)" >&2
r() { echo "scale=2; $1 / $2" | bc; }
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '1,000 partitions: xmllint --schema %.2fs | orrery check in-process %.2fs (%sx) | served, warm %.2fs (%sx xmllint)\n' \
    "$xml" "$large_local" "$(r "$large_local" "$xml")" "$large_warm" "$(r "$large_warm" "$xml")"
printf 'flight-control:   java Hello %.2fs | orrery check in-process %.2fs (%sx) | served, warm %.2fs (%sx hello) | first call, server starting %.2fs\n' \
    "$hello" "$fc_local" "$(r "$fc_local" "$hello")" "$fc_warm" "$(r "$fc_warm" "$hello")" "$fc_cold"

#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# `orrery check` as a whole process against its two baselines, measured in the same run (not a test):
#  - the 1,000-partition, 10,000-channel system vs `xmllint --schema` on its ARINC 653 XML export (written by
#    `orrery export-arinc`, validated against the standard module schema the DSL tests keep with Orrery's
#    extension schemas, as dsl/org.orrery.dsl.tests ArincSchema does);
#  - examples/flight-control vs a Java hello-world process.
# Each `orrery check` is timed in-process (ORRERY_SERVER=0), through the warm compile server, and once cold (the
# first call, which starts the server). Figures are medians of BENCH_RUNS runs (default 5).
# --limits adds the system at the language's limits (org.orrery.os.config.Limits: 256 cores, 4,096 partitions,
# 65,536 channels) against xmllint on its export, the same way.
# Usage: releng/org.orrery.cli/benchmarks/check-speed.sh [--limits] [work-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
LIMITS=0
[ "${1:-}" = --limits ] && { LIMITS=1; shift; }
WORK="${1:-$(mktemp -d)}"
mkdir -p "$WORK" && WORK="$(cd "$WORK" && pwd)"
RUNS="${BENCH_RUNS:-5}"
command -v xmllint >/dev/null || { echo "check-speed.sh: xmllint missing (Debian: libxml2-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "check-speed.sh: /usr/bin/time missing (Debian: time)" >&2; exit 2; }
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

dsl/benchmarks/arinc-judge.sh "$WORK/judge.xsd"
system() { # name, partitions, channels: writes $WORK/name.orrery and its validated ARINC 653 export name.xml
  python3 dsl/benchmarks/generate-large-system.py --cores 256 --partitions "$2" --channels "$3" \
      "$WORK/$1.orrery" "$WORK/$1-generated.xml"
  ORRERY_SERVER=0 ./orrery export-arinc "$WORK/$1.orrery" -o "$WORK/$1.xml" >/dev/null
  xmllint --noout --schema "$WORK/judge.xsd" "$WORK/$1.xml" 2>&1 | grep -q ' validates$' \
    || { echo "check-speed.sh: the export of $1 does not validate against the schema; no comparison" >&2; exit 1; }
}
large="$WORK/large.orrery"
system large 1000 10000
[ "$LIMITS" = 1 ] && system limits 4096 65536
mkdir -p "$WORK/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello, world"); } }\n' >"$WORK/hello/Hello.java"
"$JAVA_HOME/bin/javac" -d "$WORK/hello" "$WORK/hello/Hello.java"

server_ticks() { # CPU clock ticks (user + system) used so far by the servers this run started
  local pid total=0
  for pid in $(sed -n 's/.*(pid \([0-9]*\)).*/\1/p' "$ORRERY_SERVER_DIR"/*.log 2>/dev/null); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
# On a shared machine wall-clock time measures the other users too; CPU time (user + system) of the process, plus
# what the compile server spent meanwhile (its JIT and collector threads included), is the steadier figure.
once() { # label, command...: wall-clock seconds of one whole process; its CPU seconds go to $WORK/label.cpu
  local start end ticks
  ticks=$(server_ticks)
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$WORK/$1.time" "${@:2}" >"$WORK/$1.out" 2>&1 || true
  end=$(date +%s%N)
  echo "$(tail -1 "$WORK/$1.time") $(server_ticks) $ticks $(getconf CLK_TCK)" \
    | awk '{ printf "%.2f\n", $1 + $2 + ($3 - $4) / $5 }' >>"$WORK/$1.cpu"
  echo "scale=3; ($end - $start) / 1000000000" | bc
}
timed() { # label, command...: median of RUNS
  local i times=()
  rm -f "$WORK/$1.cpu"
  for ((i = 0; i < RUNS; i++)); do times+=("$(once "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}
cpu() { # label: median CPU seconds of its runs
  sort -n "$WORK/$1.cpu" | sed -n "$((($(wc -l <"$WORK/$1.cpu") + 1) / 2))p"
}
fc=examples/flight-control/system.orrery
xml=$(timed xmllint xmllint --noout --schema "$WORK/judge.xsd" "$WORK/large.xml")
hello=$(timed hello "$JAVA_HOME/bin/java" -cp "$WORK/hello" Hello)
large_local=$(ORRERY_SERVER=0 timed large-in-process ./orrery check "$large")
fc_local=$(ORRERY_SERVER=0 timed fc-in-process ./orrery check "$fc")
rm -f "$WORK/fc-cold.cpu"
fc_cold=$(once fc-cold ./orrery check "$fc")
fc_warm=$(timed fc-served ./orrery check "$fc")
large_warm=$(timed large-served ./orrery check "$large")
if [ "$LIMITS" = 1 ]; then
  limits_xml=$(timed limits-xmllint xmllint --noout --schema "$WORK/judge.xsd" "$WORK/limits.xml")
  limits_local=$(ORRERY_SERVER=0 timed limits-in-process ./orrery check "$WORK/limits.orrery")
  limits_warm=$(timed limits-served ./orrery check "$WORK/limits.orrery")
  cmp -s "$WORK/limits-in-process.out" "$WORK/limits-served.out" \
    || echo "check-speed.sh: served output differs from in-process output for the limits system" >&2
fi
cmp -s "$WORK/large-in-process.out" "$WORK/large-served.out" && cmp -s "$WORK/fc-in-process.out" "$WORK/fc-served.out" \
  || echo "check-speed.sh: served output differs from in-process output (see $WORK/*.out)" >&2
r() { echo "scale=2; $1 / $2" | bc; }
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '1,000 partitions: xmllint --schema %.2fs | orrery check in-process %.2fs (%sx) | served, warm %.2fs (%sx xmllint)\n' \
    "$xml" "$large_local" "$(r "$large_local" "$xml")" "$large_warm" "$(r "$large_warm" "$xml")"
printf 'flight-control:   java Hello %.2fs | orrery check in-process %.2fs (%sx) | served, warm %.2fs (%sx hello) | first call, server starting %.2fs\n' \
    "$hello" "$fc_local" "$(r "$fc_local" "$hello")" "$fc_warm" "$(r "$fc_warm" "$hello")" "$fc_cold"
[ "$LIMITS" = 1 ] && printf '4,096 partitions: xmllint --schema %.2fs | orrery check in-process %.2fs (%sx) | served, warm %.2fs (%sx xmllint)\n' \
    "$limits_xml" "$limits_local" "$(r "$limits_local" "$limits_xml")" "$limits_warm" "$(r "$limits_warm" "$limits_xml")"
printf 'CPU seconds (user + system; served: client + server):\n'
printf '  1,000 partitions: xmllint %s | in-process %s (%sx) | served %s (%sx)\n' "$(cpu xmllint)" \
    "$(cpu large-in-process)" "$(r "$(cpu large-in-process)" "$(cpu xmllint)")" \
    "$(cpu large-served)" "$(r "$(cpu large-served)" "$(cpu xmllint)")"
printf '  flight-control: Hello %s | in-process %s (%sx) | served %s (%sx) | first call %s\n' "$(cpu hello)" \
    "$(cpu fc-in-process)" "$(r "$(cpu fc-in-process)" "$(cpu hello)")" \
    "$(cpu fc-served)" "$(r "$(cpu fc-served)" "$(cpu hello)")" "$(cpu fc-cold)"
[ "$LIMITS" = 1 ] && printf '  4,096 partitions: xmllint %s | in-process %s (%sx) | served %s (%sx)\n' "$(cpu limits-xmllint)" \
    "$(cpu limits-in-process)" "$(r "$(cpu limits-in-process)" "$(cpu limits-xmllint)")" \
    "$(cpu limits-served)" "$(r "$(cpu limits-served)" "$(cpu limits-xmllint)")"
exit 0

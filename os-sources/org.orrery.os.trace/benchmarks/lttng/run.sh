#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Trace cost per event: System.nanoTime() alone, Orrery TraceBuffer.emit (../TraceCostBenchmark.java) and an
# LTTng-UST tracepoint (lttng_bench.c), without a session daemon and, when lttng-tools works here, with the
# event enabled in a session of a private session daemon. Not part of the build or the tests.
#   os-sources/org.orrery.os.trace/benchmarks/lttng/run.sh [events-for-lttng]
# Needs: the os.trace module built (./mvnw -B -o -q install -pl os-sources/org.orrery.os.trace), gcc and
# Debian's liblttng-ust-dev (apt-get install -y liblttng-ust-dev lttng-tools).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../.." && pwd)
root=$(cd "$module/../.." && pwd)
events=${1:-2000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/orrery-lttng-bench.XXXXXX")
sessiond=""
cleanup() {
    if [ -n "$sessiond" ]; then kill "$sessiond" 2>/dev/null || true; wait "$sessiond" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# --- Orrery (Java): best of rounds 1..4 (round 0 warms the JIT up)
. "$root/releng/scripts/jdk.sh" >/dev/null
if [ ! -d "$module/target/classes/org/orrery/os/trace" ]; then
    echo "build os.trace first: ./mvnw -B -o -q install -pl os-sources/org.orrery.os.trace" >&2
    exit 2
fi
(cd "$module" && java -cp target/classes benchmarks/TraceCostBenchmark.java) > "$work/java.txt"
best() { # best <label>: minimum over rounds 1.. of the number before "ns" following <label>
    grep '^round [1-9]' "$work/java.txt" | sed -n "s/.*$1 \([0-9.]*\) ns.*/\1/p" | sort -g | head -n 1
}
nano=$(best "nanoTime")
emit_clock=$(best "nanoTime+emit")
emit=$(best "emit alone")

# --- LTTng-UST (C)
lttng_off="" lttng_on="" clock_c="" why_off="" why_on=""
if ! command -v gcc >/dev/null 2>&1; then
    why_off="gcc is not installed"
elif [ ! -f /usr/include/lttng/tracepoint.h ] && [ ! -f /usr/include/x86_64-linux-gnu/lttng/tracepoint.h ]; then
    why_off="liblttng-ust-dev is not installed (apt-get install -y liblttng-ust-dev)"
elif ! gcc -O2 -Wall -I"$here" -o "$work/lttng_bench" "$here/lttng_bench.c" "$here/orrery_bench_tp.c" \
        -llttng-ust -ldl 2> "$work/gcc.txt"; then
    why_off="the tracepoint provider does not compile: $(head -n 3 "$work/gcc.txt")"
fi
if [ -z "$why_off" ]; then
    # No session daemon: the tracepoint is a predicted-not-taken branch.
    LTTNG_HOME="$work/none" LTTNG_UST_REGISTER_TIMEOUT=0 "$work/lttng_bench" "$events" > "$work/off.txt" 2>/dev/null
    lttng_off=$(sed -n 's/^tracepoint_ns=//p' "$work/off.txt")
    clock_c=$(sed -n 's/^clock_ns=//p' "$work/off.txt")
    if ! command -v lttng >/dev/null 2>&1 || ! command -v lttng-sessiond >/dev/null 2>&1; then
        why_on="lttng-tools is not installed (apt-get install -y lttng-tools)"
    else
        # A private session daemon (own LTTNG_HOME) so nothing else on the machine is touched.
        export LTTNG_HOME="$work/home"
        mkdir -p "$LTTNG_HOME"
        lttng-sessiond --no-kernel > "$work/sessiond.txt" 2>&1 &
        sessiond=$!
        ok=""
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            if lttng list > /dev/null 2>&1; then ok=yes; break; fi
            sleep 0.5
        done
        # Flight-recorder (overwrite) channel with large sub-buffers: every event is written, none is
        # dropped because the consumer lags, so the figure is the tracepoint's full write path.
        if [ -z "$ok" ]; then
            why_on="lttng-sessiond did not start: $(head -n 2 "$work/sessiond.txt")"
        elif ! { lttng create orrery-bench --output="$work/trace" \
                && lttng enable-channel -u --overwrite --subbuf-size=4M --num-subbuf=4 bench \
                && lttng enable-event -u -c bench 'orrery_bench:*' && lttng start; } > "$work/lttng.txt" 2>&1; then
            why_on="lttng session setup failed: $(tail -n 2 "$work/lttng.txt")"
        else
            LTTNG_UST_REGISTER_TIMEOUT=-1 "$work/lttng_bench" "$events" > "$work/on.txt" 2>/dev/null
            lttng stop > /dev/null 2>&1 || true
            lttng destroy > /dev/null 2>&1 || true
            lttng_on=$(sed -n 's/^tracepoint_ns=//p' "$work/on.txt")
        fi
    fi
else
    why_on=$why_off
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
echo "trace cost per event (best round; shared machine, expect noise)"
printf '  %-44s %8s ns/call\n' "System.nanoTime() alone (Java)" "$nano"
printf '  %-44s %8s ns/event\n' "Orrery nanoTime + TraceBuffer.emit" "$emit_clock"
printf '  %-44s %8s ns/event\n' "Orrery TraceBuffer.emit alone (sim clock)" "$emit"
if [ -n "$lttng_off" ]; then
    printf '  %-44s %8s ns/call\n' "clock_gettime(CLOCK_MONOTONIC) alone (C)" "$clock_c"
    printf '  %-44s %8s ns/event\n' "LTTng-UST tracepoint, no session daemon" "$lttng_off"
else
    echo "  LTTng-UST not measured: $why_off"
fi
if [ -n "$lttng_on" ]; then
    printf '  %-44s %8s ns/event\n' "LTTng-UST tracepoint, enabled (session)" "$lttng_on"
    echo "ratio Orrery/LTTng (enabled): nanoTime+emit $(ratio "$emit_clock" "$lttng_on")x," \
        "emit alone $(ratio "$emit" "$lttng_on")x (goal <= 0.25x)"
    added_orrery=$(awk -v a="$emit_clock" -v b="$nano" 'BEGIN { printf "%.2f", a - b }')
    added_lttng=$(awk -v a="$lttng_on" -v b="$clock_c" 'BEGIN { printf "%.2f", a - b }')
    echo "beyond the clock read: Orrery adds $added_orrery ns, LTTng adds $added_lttng ns:" \
        "$(ratio "$added_orrery" "$added_lttng")x"
else
    echo "  LTTng-UST enabled run not measured: $why_on"
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Time from `orrery flash` to "confirmed good" (a benchmark, not a test): a real `orrery agent` process (sim board,
# 10 healthy major frames to confirm, its default) on loopback, and flight-control built and signed here. Each round
# runs `orrery flash` as a user types it and stamps its output lines, then, as the baseline of the same run,
# `orrery run` of the same image for the same 10 major frames (verify, boot and run it here, no board).
# Usage: os-sources/org.orrery.os.agent/benchmarks/confirm.sh [rounds=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
ORRERY="$ROOT/orrery"
ROUNDS="${1:-5}"
WORK="$(mktemp -d /tmp/orrery-confirm.XXXXXX)"
AGENT_PID=
cleanup() {
    if [ -n "$AGENT_PID" ]; then
        kill "$AGENT_PID" 2>/dev/null || true
        wait "$AGENT_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
export ORRERY_HOME="$WORK/home"

ms() { echo $(( $(date +%s%N) / 1000000 )); }

"$ORRERY" keygen >/dev/null
"$ORRERY" build "$ROOT/examples/flight-control/system.orrery" -o "$WORK/fc.oimg" >/dev/null
"$ORRERY" agent --slots "$WORK/board" --listen 127.0.0.1:0 --signer "$ORRERY_HOME/keys/orrery-signing.pub" \
    >"$WORK/agent.out" 2>&1 &
AGENT_PID=$!
for _ in $(seq 600); do
    grep -q "board fingerprint" "$WORK/agent.out" && break
    sleep 0.1
done
ADDR="$(sed -n 's/.* listening on \([^ ]*\)$/\1/p' "$WORK/agent.out")"
BOARD_FP="$(sed -n 's/.*board fingerprint \([^ ]*\)$/\1/p' "$WORK/agent.out")"
[ -n "$ADDR" ] && [ -n "$BOARD_FP" ] || { echo "the agent did not start:" >&2; cat "$WORK/agent.out" >&2; exit 1; }
ME="$("$ORRERY" boards whoami | grep -o 'SHA256:[^ ]*' | head -n 1)"
"$ORRERY" agent authorize --slots "$WORK/board" "$ME" --roles flash,monitor --name bench >/dev/null
"$ORRERY" boards add bench "$ADDR" --fingerprint "$BOARD_FP" >/dev/null

echo "image: flight-control, $(stat -c %s "$WORK/fc.oimg") bytes; board: sim agent on $ADDR; $ROUNDS rounds"
echo "round | flash: installing | on trial | confirmed good | baseline: orrery run, 10 frames | ratio"
for r in $(seq "$ROUNDS"); do
    t0="$(ms)"
    installing=- trial=- confirmed=-
    while IFS= read -r line; do
        now=$(( $(ms) - t0 ))
        case "$line" in
            *"verifying and installing"*) installing=$now ;;
            *"booted on trial"*) trial=$now ;;
            *"confirmed good"*) confirmed=$now ;;
        esac
    done < <("$ORRERY" flash "$WORK/fc.oimg" --board bench 2>&1)
    [ "$confirmed" != - ] || { echo "round $r: the flash was not confirmed" >&2; exit 1; }
    b0="$(ms)"
    "$ORRERY" run "$WORK/fc.oimg" --duration 500ms --key "$ORRERY_HOME/keys/orrery-signing.pub" >/dev/null
    baseline=$(( $(ms) - b0 ))
    echo "$r | ${installing} ms | ${trial} ms | ${confirmed} ms | ${baseline} ms | $(awk "BEGIN { printf \"%.2f\", $confirmed / $baseline }")"
done

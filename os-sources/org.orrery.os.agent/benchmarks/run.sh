#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Flash benchmark (not a test): flash of an image over loopback vs a plain TLS 1.3 copy of the same bytes, same
# run. Needs the agent module built (./mvnw -o -q -pl os-sources/org.orrery.os.agent -am verify -DskipTests).
# Usage: os-sources/org.orrery.os.agent/benchmarks/run.sh [image bytes | IMAGE.oimg] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/jdk.sh"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CP="$ROOT/os-sources/org.orrery.os.agent/target/classes:$ROOT/os-sources/org.orrery.os.image/target/classes"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$CP" \
    "$ROOT/os-sources/org.orrery.os.agent/benchmarks/org/orrery/os/agent/bench/FlashBenchmark.java"
# its board, keys and image go under WORK too, removed on exit
"$JAVA_HOME/bin/java" -Djava.io.tmpdir="$WORK" -cp "$WORK/classes:$CP" org.orrery.os.agent.bench.FlashBenchmark "${1:-1048576}" "${2:-30}"

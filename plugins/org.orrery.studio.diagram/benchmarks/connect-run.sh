#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Channel connect benchmark (not a test): connects on the generated 1,000-partition system,
# before (scratch session + change serializer) and now (region edit), same JVM.
# Needs the diagram bundle and the DSL built (mvnw verify; the DSL's other dependencies come from ~/.m2).
# Usage: plugins/org.orrery.studio.diagram/benchmarks/connect-run.sh [partitions] [rounds]
set -euo pipefail
PARTS="${1:-1000}" CHANNELS=10000
. "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
run_benchmark ConnectBenchmark 3g "${2:-3}"

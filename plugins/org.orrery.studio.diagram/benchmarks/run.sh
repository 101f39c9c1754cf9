#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Schedule timeline benchmark (not a test): open the generated 1,000-partition system as the schedule editor does
# (session parse + validation, schedule model) against a plain Xtext parse of the same text, same JVM.
# Needs the diagram bundle and the DSL built (mvnw verify; the DSL's other dependencies come from ~/.m2).
# Usage: plugins/org.orrery.studio.diagram/benchmarks/run.sh [partitions] [rounds]
set -euo pipefail
PARTS="${1:-1000}" CHANNELS=10000
. "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
run_benchmark ScheduleBenchmark 2g "${2:-3}"

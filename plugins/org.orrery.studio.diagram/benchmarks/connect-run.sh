#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Channel connect benchmark (not a test): connects on the generated 1,000-partition system, through the change
# serializer and as the topology page makes them, against a full parse of the text, same JVM.
# Needs the diagram bundle and the DSL built (mvnw verify; the DSL's other dependencies come from ~/.m2).
# Usage: plugins/org.orrery.studio.diagram/benchmarks/connect-run.sh [partitions] [rounds]
set -euo pipefail
PARTS="${1:-1000}" CHANNELS=10000
ELK="$HOME/.m2/repository/org/eclipse/elk"
for a in core graph alg.layered alg.common; do
    EXTRA_CP="${EXTRA_CP:-}:$ELK/org.eclipse.elk.$a/0.12.1/org.eclipse.elk.$a-0.12.1.jar"
done
. "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
run_benchmark ConnectBenchmark 3g "${2:-3}"

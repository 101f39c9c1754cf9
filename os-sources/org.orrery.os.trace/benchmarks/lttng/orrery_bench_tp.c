// SPDX-License-Identifier: EPL-2.0
// Instantiates the probes of orrery_bench_tp.h (linked statically into the benchmark).
#define LTTNG_UST_TRACEPOINT_CREATE_PROBES
#define LTTNG_UST_TRACEPOINT_DEFINE
#include "orrery_bench_tp.h"

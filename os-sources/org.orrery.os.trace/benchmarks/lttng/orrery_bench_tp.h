// SPDX-License-Identifier: EPL-2.0
// LTTng-UST tracepoint provider for the trace-cost benchmark: one event shaped like Orrery's PORT_SEND
// (three 64-bit fields), so both tracers write the same payload.
#undef LTTNG_UST_TRACEPOINT_PROVIDER
#define LTTNG_UST_TRACEPOINT_PROVIDER orrery_bench

#undef LTTNG_UST_TRACEPOINT_INCLUDE
#define LTTNG_UST_TRACEPOINT_INCLUDE "./orrery_bench_tp.h"

#if !defined(ORRERY_BENCH_TP_H) || defined(LTTNG_UST_TRACEPOINT_HEADER_MULTI_READ)
#define ORRERY_BENCH_TP_H

#include <stdint.h>
#include <lttng/tracepoint.h>

LTTNG_UST_TRACEPOINT_EVENT(
    orrery_bench,
    port_send,
    LTTNG_UST_TP_ARGS(int64_t, partition, int64_t, port, int64_t, bytes),
    LTTNG_UST_TP_FIELDS(
        lttng_ust_field_integer(int64_t, partition, partition)
        lttng_ust_field_integer(int64_t, port, port)
        lttng_ust_field_integer(int64_t, bytes, bytes)
    )
)

#endif

#include <lttng/tracepoint-event.h>

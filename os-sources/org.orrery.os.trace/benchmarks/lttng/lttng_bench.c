// SPDX-License-Identifier: EPL-2.0
// Cost per event of an LTTng-UST tracepoint against a monotonic clock read alone, in the same process.
// Prints machine-readable lines "clock_ns=…" and "tracepoint_ns=…" (best of 5 rounds: the least disturbed
// by the other jobs of a shared machine). Whether the tracepoint is enabled depends on the session daemon.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "orrery_bench_tp.h"

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int main(int argc, char **argv) {
    long events = argc > 1 ? atol(argv[1]) : 2000000;
    double best_clock = 1e18, best_tp = 1e18;
    volatile int64_t sink = 0;
    for (int round = 0; round < 5; round++) {
        int64_t start = now_ns();
        int64_t acc = 0;
        for (long i = 0; i < events; i++) {
            acc += now_ns();
        }
        sink += acc;
        double clock = (double) (now_ns() - start) / events;

        start = now_ns();
        for (long i = 0; i < events; i++) {
            lttng_ust_tracepoint(orrery_bench, port_send, i, 2, 64);
        }
        double tp = (double) (now_ns() - start) / events;
        if (clock < best_clock) best_clock = clock;
        if (tp < best_tp) best_tp = tp;
        fprintf(stderr, "round %d: clock_gettime %.2f ns/call, tracepoint %.2f ns/event\n", round, clock, tp);
    }
    printf("clock_ns=%.2f\ntracepoint_ns=%.2f\n", best_clock, best_tp);
    return sink == 42 ? 1 : 0;
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.Map;

/**
 * From when a trace shows what each core did, so the schedule check reports a window as never opened only where
 * the trace would have recorded it opening.
 *
 * <ul>
 * <li>A trace written from boot ({@code orrery run --trace}, a Studio launch: the CTF writer is open before
 * {@code Kernel.boot}, which traces every partition's cold start at the boot instant) says where the run started:
 * its first event. Every stream is complete from there; a core whose stream begins later recorded nothing before.
 * <li>A live trace (env {@code live}, written by a board agent's {@code LiveTrace}) begins where its follower joined
 * the board's ring, on each core at a packet of its own ({@code TraceTail} places every core after its newest
 * packet): a core is known only from its own first event, and the trace's first event is no run start.
 * <li>A stream that reports discarded events may have lost its oldest ones: a follower that fell off the ring
 * counts the segments deleted under it in its next packet, and the count does not say where they were. That core
 * too is known only from its first event. (A board's buffer drops the newest events when it is full, so its first
 * event is still the run's start and windows lost later read as missing, as anywhere in the check; {@code orrery
 * trace check} says in its summary that the tracer discarded events.)
 * <li>A core with no event at all is known from the trace's start, as a silent core always was.
 * </ul>
 */
final class TraceCoverage {

    private final long startNs;
    private final boolean fromBoot;
    private final long[] knownFromNs;

    private TraceCoverage(long startNs, boolean fromBoot, long[] knownFromNs) {
        this.startNs = startNs;
        this.fromBoot = fromBoot;
        this.knownFromNs = knownFromNs;
    }

    /**
     * @param env          the trace's metadata env
     * @param firstEventNs per core, its stream's first event ({@link Long#MAX_VALUE} or {@link Long#MIN_VALUE}: none)
     * @param discarded    per core, the events its stream says the tracer dropped
     */
    static TraceCoverage of(long traceStartNs, Map<String, String> env, long[] firstEventNs, long[] discarded) {
        boolean live = env.containsKey("live");
        long[] known = new long[firstEventNs.length];
        for (int core = 0; core < known.length; core++) {
            boolean hasEvents = firstEventNs[core] != Long.MAX_VALUE && firstEventNs[core] != Long.MIN_VALUE;
            boolean cut = live || discarded[core] > 0;
            known[core] = cut && hasEvents ? Math.max(traceStartNs, firstEventNs[core]) : traceStartNs;
        }
        return new TraceCoverage(traceStartNs, !live, known);
    }

    /** The trace's first event. */
    long startNs() {
        return startNs;
    }

    /** Whether {@link #startNs()} is where the run started (the trace was written from boot). */
    boolean fromBoot() {
        return fromBoot;
    }

    /** From when {@code core}'s stream holds everything the core did. */
    long knownFromNs(int core) {
        return core < knownFromNs.length ? knownFromNs[core] : startNs;
    }
}

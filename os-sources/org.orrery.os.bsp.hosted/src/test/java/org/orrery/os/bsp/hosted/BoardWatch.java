// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * What a running board has shown so far (its console lines, and the health monitor's errors from its trace), so that a
 * test can end the run as soon as what it checks has happened instead of after a fixed time: how long a cold partition
 * JVM takes to start and initialise depends on the host's load (from a fraction of a second to over a second in CI).
 * The board asks its stop condition on its engine thread between slices of board time, so the questions are cheap.
 */
final class BoardWatch implements TraceSink {
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    /** For each error the health monitor got: how many console lines there were when the trace showed it first. */
    private final Map<ErrorCode, Integer> firstSeen = new ConcurrentHashMap<>();

    /** The board's console consumer. */
    void line(String line) {
        console.add(line);
    }

    @Override
    public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
        if (typeId == TraceEventType.HM_EVENT.id()) {
            firstSeen.putIfAbsent(ErrorCode.values()[(int) f1], console.size());
        }
    }

    /**
     * The number of console lines when the trace first showed {@code error}, or -1 while it has not: every line from
     * that index on was printed after the error (the trace is drained after the slice it happened in).
     */
    int seen(ErrorCode error) {
        return firstSeen.getOrDefault(error, -1);
    }

    /** Whether a console line from index {@code from} on contains {@code text}. */
    boolean printed(int from, String text) {
        synchronized (console) {
            for (int i = Math.max(0, from); i < console.size(); i++) {
                if (console.get(i).contains(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether any console line contains {@code text}. */
    boolean printed(String text) {
        return printed(0, text);
    }

    /** The console lines so far. */
    List<String> lines() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }
}

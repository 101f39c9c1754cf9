// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the time from the board's start to its first window went: each phase of the start marked once, in wall-clock
 * time from the start, so the board report can say which part an integrator waits for (the partition JVMs starting,
 * the kernel's boot, the warm-up of the edges' system calls).
 */
final class StartPhases {
    private final long startNanos;
    private final List<String> names = new ArrayList<>();
    private final List<Long> at = new ArrayList<>();

    StartPhases(long startNanos) {
        this.startNanos = startNanos;
    }

    /** The phase {@code name} ended now. Called by one thread at a time, before the schedule starts. */
    synchronized void mark(String name) {
        names.add(name);
        at.add(System.nanoTime() - startNanos);
    }

    /** "name at N ms" for each phase, in the order they ended; empty when none was marked. */
    synchronized String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(" at ").append(at.get(i) / 1_000_000).append(" ms");
        }
        return b.toString();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.orrery.os.kernel.OperatorDesk;

/**
 * Reports how much of its last window each partition's processes used ({@code cpu} {@link ChildLine}s), from the
 * kernel's accounting: at most once per major frame per partition, and only for partitions that had a window
 * since the last report.
 */
final class CpuReport {

    private final OperatorDesk desk;
    private final long frameNs;
    private final Consumer<String> out;
    private final Map<String, Long> windowsSeen = new HashMap<>();
    private long nextNs;

    CpuReport(OperatorDesk desk, long frameNs, Consumer<String> out) {
        this.desk = desk;
        this.frameNs = frameNs;
        this.out = out;
    }

    /** The board has run up to {@code boardNs}: report if a major frame passed since the last report. */
    void due(long boardNs) {
        if (boardNs < nextNs) {
            return;
        }
        nextNs = boardNs + frameNs;
        for (OperatorDesk.WindowUse u : desk.windowUse()) {
            Long before = windowsSeen.put(u.partition(), u.windows());
            if (before == null || before != u.windows()) {
                out.accept(ChildLine.cpu(u.partition(), u.busyNs() / 1_000, u.windowNs() / 1_000, u.mode().name()));
            }
        }
    }
}

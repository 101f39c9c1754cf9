// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * The board's side of the window edges: a real-time board lets a partition's process run only while one of
 * its windows is open (the hosted board thaws and freezes the partition's cgroup). Called by the engine with the
 * kernel lock held, at the edge, before any process of the new window runs; a core's closing window is always
 * reported before the window that follows it opens.
 */
public interface WindowListener {
    WindowListener NONE = new WindowListener() {
        @Override
        public void opened(int core, int partition, long plannedNs) {
        }

        @Override
        public void closed(int core, int partition, long plannedNs) {
        }
    };

    /** A window of {@code partition} opened on {@code core}; it was planned for {@code plannedNs} of board time. */
    void opened(int core, int partition, long plannedNs);

    /** The window of {@code partition} on {@code core} closed; it was planned to end at {@code plannedNs}. */
    void closed(int core, int partition, long plannedNs);

    /**
     * Called just after {@link #closed} with the lock held: how long the partition's processes waited for a processor
     * while the windows that just closed were open (a loaded host gave them less than their windows), in ns; 0 when
     * the board cannot tell or another window of the partition is still open. The engine does not charge that time
     * to a process's own code.
     */
    default long processorWaitInClosedWindow(int partition) {
        return 0;
    }
}

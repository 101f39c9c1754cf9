// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.orrery.os.bsp.hosted.linux.PartitionGroup;
import org.orrery.os.bsp.hosted.watchdog.WatchdogKicker;
import org.orrery.os.kernel.WindowListener;

/**
 * Time partitioning on the hosted board: a partition's cgroup is thawed while at least one of its windows is open
 * and frozen otherwise. Called by the engine at the edge (kernel lock held); also records each window's lateness.
 * A partition without an application has no group (nothing of it runs on the host). When the board runs under its
 * watchdog, each window edge that opens on time kicks it: a schedule that stalls stops the kicks. It also counts
 * how long each partition's group waited for a processor in its windows (a loaded host), which the engine does not
 * charge to a process's own code when a window closes on it (see the overrun allowance).
 */
final class WindowGate implements WindowListener {
    /** A window opened later than this is not on time: it does not kick the board's watchdog. */
    static final long ON_TIME_NANOS = 2_000_000L;

    private final PartitionGroup[] groups;
    private final int[] open;
    /** Per partition: its group's processor wait when its windows opened, and how long it waited until they closed. */
    private final long[] waitAtOpen;
    private final long[] waitOfClosed;
    /**
     * Per partition: frozen by the last close, its processor wait not read yet. The engine asks for it only when a
     * process was running its own code at the close; reading {@code cpu.pressure} at every close would put one more
     * file read on every edge of the instant (and ahead of the other cores' edges). Frozen tasks wait for no
     * processor, so a read after the freeze finds the same total.
     */
    private final boolean[] waitUnread;
    private final RealTimeClock clock;
    private final Lateness lateness;
    private final long bootNanos;
    private volatile long firstWindowNanos = -1;
    /** The first failure to freeze or thaw: the board stops, since it can no longer keep partitions apart. */
    private volatile String failure;
    private final WatchdogKicker kicker;

    WindowGate(PartitionGroup[] groups, RealTimeClock clock, Lateness lateness, long bootNanos, WatchdogKicker kicker) {
        this.kicker = kicker;
        this.groups = groups;
        this.open = new int[groups.length];
        this.waitAtOpen = new long[groups.length];
        this.waitOfClosed = new long[groups.length];
        this.waitUnread = new boolean[groups.length];
        this.clock = clock;
        this.lateness = lateness;
        this.bootNanos = bootNanos;
    }

    @Override
    public void opened(int core, int partition, long plannedNs) {
        long late = clock.now() - plannedNs;
        lateness.record(core, late);
        if (kicker != null && late <= ON_TIME_NANOS) {
            kicker.kick();
        }
        if (firstWindowNanos < 0) {
            firstWindowNanos = System.nanoTime() - bootNanos;
        }
        if (open[partition]++ == 0 && groups[partition] != null) {
            waitUnread[partition] = false;
            try {
                // a partition with several cores runs on the one whose window opens (never two at once)
                groups[partition].runOn(core);
                groups[partition].thaw();
                // after the thaw: the edge's critical path is the thaw itself
                waitAtOpen[partition] = groups[partition].processorWaitNanos();
            } catch (Exception e) {
                fail(e);
            }
        }
    }

    @Override
    public void closed(int core, int partition, long plannedNs) {
        waitOfClosed[partition] = 0;
        waitUnread[partition] = false;
        if (--open[partition] == 0 && groups[partition] != null) {
            try {
                groups[partition].freeze();
                waitUnread[partition] = true;
            } catch (Exception e) {
                fail(e);
            }
        }
    }

    @Override
    public long processorWaitInClosedWindow(int partition) {
        if (waitUnread[partition]) {
            waitUnread[partition] = false;
            try {
                // The freeze's tail (the tasks still stopping) is not counted: it is not time in the window.
                long now = groups[partition].processorWaitNanos();
                long then = waitAtOpen[partition];
                if (now >= 0 && then >= 0) {
                    waitOfClosed[partition] = now - then;
                }
            } catch (Exception e) {
                fail(e);
            }
        }
        return waitOfClosed[partition];
    }

    /**
     * Before the schedule starts (every partition frozen): thaws and freezes each group once, so the first edges of
     * the run do not pay for the first writes to their control files.
     */
    void exercise() throws org.orrery.os.kernel.BoardException {
        for (PartitionGroup g : groups) {
            if (g != null) {
                g.thaw();
                g.freeze();
            }
        }
    }

    /** Kernel lock held: whether one of the partition's windows is open now. */
    boolean isOpen(int partition) {
        return open[partition] > 0;
    }

    /** Wall-clock time from the board's start to the first window, or -1 before it. */
    long firstWindowNanos() {
        return firstWindowNanos;
    }

    String failure() {
        return failure;
    }

    private void fail(Exception e) {
        if (failure == null) {
            failure = e.getMessage();
        }
    }
}

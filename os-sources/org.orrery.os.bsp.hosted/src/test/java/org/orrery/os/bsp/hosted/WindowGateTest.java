// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.bsp.hosted.linux.PartitionGroup;

/**
 * The gate between the engine's window edges and the partitions' groups: thawed while a window is open, frozen
 * otherwise, and how long a group waited for a processor in its windows handed to the engine's overrun count.
 */
class WindowGateTest {

    /** A group whose processor wait the test sets; it records the gate's freezes and thaws. */
    private static final class Group implements PartitionGroup {
        final List<String> calls = new ArrayList<>();
        long waitNanos;
        int waitReads;

        Group(long waitNanos) {
            this.waitNanos = waitNanos;
        }

        @Override
        public String name() {
            return "g";
        }

        @Override
        public void add(long pid) {
        }

        @Override
        public List<Long> pids() {
            return List.of();
        }

        @Override
        public void freeze() {
            calls.add("freeze");
        }

        @Override
        public void thaw() {
            calls.add("thaw");
        }

        @Override
        public void runOn(int cpu) {
            calls.add("on " + cpu);
        }

        @Override
        public boolean frozen() {
            return calls.isEmpty() || calls.get(calls.size() - 1).equals("freeze");
        }

        @Override
        public long processorWaitNanos() {
            waitReads++;
            return waitNanos;
        }

        @Override
        public long oomKills() {
            return 0;
        }

        @Override
        public void kill() {
        }

        @Override
        public void close() {
        }
    }

    private static WindowGate gate(PartitionGroup... groups) {
        return new WindowGate(groups, new RealTimeClock(t -> {
        }), new Lateness(2), System.nanoTime(), null);
    }

    @Test
    void aClosedWindowCountsHowLongItsGroupWaitedForAProcessorBetweenThawAndFreeze() {
        Group g = new Group(5_000_000);
        WindowGate gate = gate(g);
        gate.opened(0, 0, 0);
        assertTrue(gate.isOpen(0));
        g.waitNanos += 7_000_000; // a host that gave the partition 3 ms of its 10 ms window
        gate.closed(0, 0, 10_000_000);
        assertFalse(gate.isOpen(0));
        assertEquals(List.of("on 0", "thaw", "freeze"), g.calls);
        assertEquals(7_000_000, gate.processorWaitInClosedWindow(0));

        gate.opened(0, 0, 20_000_000);
        gate.closed(0, 0, 30_000_000);
        assertEquals(0, gate.processorWaitInClosedWindow(0), "each window counts from its own thaw");
    }

    @Test
    void aPartitionIsConfinedToTheCoreOfTheWindowThatOpensBeforeItIsThawed() {
        Group g = new Group(0);
        WindowGate gate = gate(g);
        gate.opened(1, 0, 0);
        gate.closed(1, 0, 10_000_000);
        gate.opened(0, 0, 10_000_000);
        gate.closed(0, 0, 20_000_000);
        assertEquals(List.of("on 1", "thaw", "freeze", "on 0", "thaw", "freeze"), g.calls);
    }

    @Test
    void whileAnotherWindowOfThePartitionIsOpenNothingIsFrozenAndNoWaitIsGiven() {
        Group g = new Group(0);
        WindowGate gate = gate(g);
        gate.opened(0, 0, 0);
        gate.opened(1, 0, 0);
        g.waitNanos = 8_000_000;
        gate.closed(0, 0, 10_000_000);
        assertEquals(List.of("on 0", "thaw"), g.calls, "still open on core 1");
        assertEquals(0, gate.processorWaitInClosedWindow(0));
        gate.closed(1, 0, 10_000_000);
        assertEquals(8_000_000, gate.processorWaitInClosedWindow(0));
    }

    @Test
    void aGroupWithoutAWaitCountOrAPartitionWithoutAGroupLeavesTheWindowTimeWhole() {
        Group uncounted = new Group(-1);
        WindowGate gate = gate(uncounted, null);
        gate.opened(0, 0, 0);
        gate.closed(0, 0, 10_000_000);
        assertEquals(0, gate.processorWaitInClosedWindow(0));
        gate.opened(1, 1, 0);
        gate.closed(1, 1, 10_000_000);
        assertEquals(0, gate.processorWaitInClosedWindow(1));
    }

    @Test
    void aCloseReadsTheGroupsWaitOnlyWhenTheEngineAsksForIt() {
        Group g = new Group(1_000_000);
        WindowGate gate = gate(g);
        gate.opened(0, 0, 0);
        assertEquals(1, g.waitReads, "the wait at the thaw");
        g.waitNanos += 2_000_000;
        gate.closed(0, 0, 10_000_000);
        assertEquals(1, g.waitReads, "no process ran its own code at the close: the engine does not ask");
        gate.opened(0, 0, 20_000_000);
        g.waitNanos += 4_000_000;
        gate.closed(0, 0, 30_000_000);
        assertEquals(4_000_000, gate.processorWaitInClosedWindow(0), "from this window's thaw to its freeze");
        assertEquals(3, g.waitReads);
        assertEquals(4_000_000, gate.processorWaitInClosedWindow(0), "read once per close");
        assertEquals(3, g.waitReads);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Runs every kind of memory access the slots and rings make once, on private memory. A cold partition JVM spends
 * tens of milliseconds loading and linking the FFM and var-handle machinery the first time; done at process start
 * it is not charged to the first port call of a process, which has a deadline (a missed one restarted a partition
 * of the flight-control example over and over on the hosted board).
 */
public final class WarmUp {

    private WarmUp() {
    }

    public static void run() {
        byte[] bytes = new byte[64];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(Layout.BODY + 64, 64);
            for (int i = 0; i < 3; i++) {
                Layout.LONG.setOpaque(seg, Layout.CONTROL, (long) Layout.LONG.getOpaque(seg, Layout.CONTROL) + 1);
                Layout.LONG.setRelease(seg, Layout.CONTROL + 8, (long) Layout.LONG.getAcquire(seg, Layout.CONTROL + 8) + 1);
                Layout.LONG.set(seg, Layout.CONTROL + 16, (long) Layout.LONG.get(seg, Layout.CONTROL + 16) + 1);
                Layout.INT.set(seg, Layout.CONTROL + 24, (int) Layout.INT.get(seg, Layout.CONTROL + 24) + 1);
                Layout.INT.setRelease(seg, Layout.CONTROL + 28, (int) Layout.INT.getAcquire(seg, Layout.CONTROL + 28) + 1);
                Layout.INT.setOpaque(seg, Layout.CONTROL + 32, (int) Layout.INT.getOpaque(seg, Layout.CONTROL + 32) + 1);
                VarHandle.releaseFence();
                MemorySegment.copy(bytes, 0, seg, ValueLayout.JAVA_BYTE, Layout.BODY, bytes.length);
                VarHandle.acquireFence();
                MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, Layout.BODY, bytes, 0, bytes.length);
            }
            // links the futex downcall a send or receive makes when a process waits in the kernel
            org.orrery.os.bsp.hosted.linux.Futex.wakePrivate(seg);
        }
    }
}

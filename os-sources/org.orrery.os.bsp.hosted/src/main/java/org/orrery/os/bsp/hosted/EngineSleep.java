// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

import org.orrery.os.bsp.hosted.linux.Futex;

/**
 * The engine's sleep while no process runs: a private futex word with an absolute CLOCK_MONOTONIC deadline (as precise
 * as clock_nanosleep with TIMER_ABSTIME), which a port watcher that made a process ready ends at once by bumping the
 * word. Without it a process woken by a message would wait for the engine's next event, up to 10 ms.
 */
final class EngineSleep implements ConcurrentExecutor.IdleSleep {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final MemorySegment word = Arena.global().allocate(4, 4);
    private final RealTimeClock clock;

    EngineSleep(RealTimeClock clock) {
        this.clock = clock;
    }

    @Override
    public int ticket() {
        return (int) INT.getVolatile(word, 0L);
    }

    @Override
    public void sleepUntil(long boardTimeNs, int ticket) {
        long until = clock.monotonicAt(boardTimeNs);
        while (until > System.nanoTime() && ticket() == ticket) {
            Futex.awaitPrivateUntil(word, ticket, until);
        }
    }

    @Override
    public void wake() {
        INT.getAndAdd(word, 0L, 1);
        Futex.wakePrivate(word);
    }
}

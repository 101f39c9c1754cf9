// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.orrery.os.partition.wire.Frame;
import org.orrery.os.partition.wire.Wire;

/**
 * Who reads one partition process's socket. Normally the kernel-side thread of the process that holds the core is
 * the only one reading, and every frame is its own. After a process was stopped while its remote thread ran its own
 * code, that thread's kernel-side thread may still be blocked reading while the partition's next process starts:
 * whoever reads then keeps a frame for another served thread for it, and drops what the unwinding thread still sends
 * (a call made before the UNWIND reached it; its end, which confirms it stopped).
 */
final class ReadTurns {
    private final Object lock = new Object();
    private int nextTid;
    private boolean reading;
    /** A frame read by another kernel-side thread for one that was not reading, by remote thread. */
    private final Map<Integer, Frame> held = new HashMap<>();
    /** Remote threads a kernel-side thread serves now (from its LOAD or RUN until its end). */
    private final Set<Integer> served = new HashSet<>();
    /** Remote threads told to unwind (each once); those whose end has not arrived yet are also in unwinding. */
    private final Set<Integer> unwound = new HashSet<>();
    private final Set<Integer> unwinding = new HashSet<>();

    /** A new remote thread, served from now on. */
    int start() {
        synchronized (lock) {
            served.add(nextTid);
            return nextTid++;
        }
    }

    /** Its kernel-side thread serves {@code tid} no more. */
    void ended(int tid) {
        synchronized (lock) {
            served.remove(tid);
            held.remove(tid);
        }
    }

    /** Marks {@code tid} told to unwind; false when it already was (the UNWIND is sent once). */
    boolean unwind(int tid) {
        synchronized (lock) {
            if (!unwound.add(tid)) {
                return false;
            }
            unwinding.add(tid);
            lock.notifyAll();
            return true;
        }
    }

    /** {@code tid} was told to unwind and has not confirmed it yet. */
    boolean unwinding(int tid) {
        synchronized (lock) {
            return unwinding.contains(tid);
        }
    }

    /**
     * The next frame of remote thread {@code tid} from {@code wire}, or null once that thread was told to unwind. A
     * frame for no served thread is returned as it is: the caller refuses it as spoken out of turn.
     */
    Frame next(int tid, Wire wire) throws IOException {
        synchronized (lock) {
            while (true) {
                Frame h = held.remove(tid);
                if (h != null) {
                    return h;
                }
                if (unwound.contains(tid)) {
                    return null;
                }
                if (!reading) {
                    reading = true;
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the partition process");
                }
            }
        }
        try {
            while (true) {
                Frame f = wire.read();
                synchronized (lock) {
                    int from = f.tid();
                    if (unwinding.contains(from) && (f.type() == Frame.CALL || f.type() == Frame.END)) {
                        if (f.type() == Frame.END) {
                            unwinding.remove(from);
                        }
                    } else if (from == tid) {
                        return f;
                    } else if (served.contains(from) && !unwound.contains(from) && !held.containsKey(from)) {
                        held.put(from, f);
                        lock.notifyAll();
                    } else {
                        return f;
                    }
                    if (unwound.contains(tid)) {
                        return null;
                    }
                }
            }
        } finally {
            synchronized (lock) {
                reading = false;
                lock.notifyAll();
            }
        }
    }
}

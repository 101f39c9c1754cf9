// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Partition;

/**
 * The call discipline shared by every service of one partition (the {@link Partition} itself, process
 * and port handles, intra-partition objects). Each call takes the kernel lock, identifies the caller (a
 * call from a thread that does not hold the core unwinds with {@link ProcessExit}), validates everything,
 * and only then acts (check-then-act). A refused call goes to the health monitor as ILLEGAL_REQUEST and
 * throws {@link IllegalRequestException} if the caller survives the monitor's action.
 */
final class CallGate {
    final Module m;
    final PartitionRt part;

    CallGate(Module m, PartitionRt part) {
        this.m = m;
        this.part = part;
    }

    Proc enter() {
        m.lock.lock();
        Proc c = m.caller();
        if (c == null && m.concurrent) {
            c = awaitWindow();
        }
        if (c == null) {
            m.lock.unlock();
            throw new ProcessExit();
        }
        c.callCtx = c.ctx;
        if (m.concurrent) {
            m.engine.catchUp();
            c.codeFrom = m.now;
            c.codeBefore = 0;
            m.executor.callMade();
        }
        if (c.part != part) {
            // finally: when the monitor's action stops the caller, refuse() unwinds it with ProcessExit, and
            // a lock kept by its dead thread would stop the whole board.
            try {
                throw refuse(c, ErrorCode.MEMORY_VIOLATION, "used the services of partition " + part.name());
            } finally {
                m.lock.unlock();
            }
        }
        return c;
    }

    /**
     * Concurrent boards: a call that reached the kernel just as its partition's window ended (the process was
     * frozen in the middle of its code with the call on its way) is served when the process has a core again.
     */
    private Proc awaitWindow() {
        Proc mid = part.midCode;
        if (mid == null || mid.ctx == null || !mid.ctx.isCurrentThread()) {
            return null;
        }
        while (mid.core < 0 && mid.ctx.running() && !m.shutdown) {
            m.windowOpened.awaitUninterruptibly();
        }
        return mid.core >= 0 && mid.ctx.running() ? mid : null;
    }

    void leave() {
        m.lock.unlock();
    }

    RuntimeException refuse(Proc c, String message) {
        return refuse(c, ErrorCode.ILLEGAL_REQUEST, message);
    }

    private RuntimeException refuse(Proc c, ErrorCode code, String message) {
        m.hm.report(c.part, c, code, message);
        afterReport(c);
        return new IllegalRequestException(message);
    }

    /**
     * After the caller reported an error: unwinds it if the monitor's action stopped it, else lets a more
     * urgent process go first (the error handler the monitor may just have started runs before the caller
     * continues, as for any other process the caller makes ready).
     */
    void afterReport(Proc c) {
        exitIfDead(c);
        m.control.preemptIfNeeded(c);
    }

    /** After an action that may have stopped the caller (its own restart, idle, stop). */
    void exitIfDead(Proc c) {
        if (c.callCtx.dead()) {
            throw c.callCtx.exit();
        }
    }

    void requireInit(Proc c, String what) {
        if (c.index != Proc.INIT || !part.initialising()) {
            throw refuse(c, what + " is only allowed during initialisation");
        }
    }

    void checkTimeout(Proc c, long timeoutNs) {
        if (timeoutNs < 0) {
            throw refuse(c, "negative timeout " + timeoutNs);
        }
        if (timeoutNs > 0 && c.index == Proc.INIT) {
            throw refuse(c, "cannot block during initialisation");
        }
    }

    long deadline(long timeoutNs) {
        long d = m.now + timeoutNs;
        return timeoutNs == Partition.INFINITE || d < 0 ? Proc.NEVER : d;
    }

    void checkMessage(Proc c, byte[] data, int length, long max) {
        if (data == null) {
            throw refuse(c, "null message");
        }
        // ARINC 653 refuses a length <= 0 (INVALID_PARAM): a message has at least one byte.
        if (length < 1) {
            throw refuse(c, "message length " + length + ": a message has at least 1 byte");
        }
        if (length > max) {
            throw refuse(c, "message length " + length + " exceeds the maximum message size of " + max + " bytes");
        }
        if (length > data.length) {
            throw refuse(c, "message length " + length + " exceeds the " + data.length + "-byte array");
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Linux futexes on 32-bit words, through {@code syscall(SYS_futex, ...)} (glibc has no wrapper). Words in a shared
 * mapping are matched across processes by file and offset, so two partition processes and the kernel process can wait
 * on and wake the same word of a port region (no FUTEX_PRIVATE_FLAG there); the engine's own word is private.
 * Timeouts of {@link #await} are relative, on CLOCK_MONOTONIC; {@link #awaitPrivateUntil} takes an absolute
 * CLOCK_MONOTONIC instant (FUTEX_WAIT_BITSET), like clock_nanosleep(TIMER_ABSTIME). Calls allocate nothing after a
 * thread's first.
 */
public final class Futex {
    private static final long SYS_FUTEX = "aarch64".equals(System.getProperty("os.arch")) ? 98 : 202;
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int FUTEX_WAIT_BITSET = 9;
    private static final int FUTEX_PRIVATE_FLAG = 128;
    private static final int MATCH_ANY = -1;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int ETIMEDOUT = 110;

    private static final MethodHandle SYSCALL;

    static {
        Linker linker = Linker.nativeLinker();
        MethodHandle h = null;
        var symbol = linker.defaultLookup().find("syscall");
        if (symbol.isPresent()) {
            // long syscall(long number, ...): the futex arguments are variadic
            h = linker.downcallHandle(symbol.get(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT),
                    Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
        }
        SYSCALL = h;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Futex() {
    }

    /** True where the futex system call can be linked. */
    public static boolean available() {
        return SYSCALL != null && Linux.available();
    }

    /**
     * Sleeps while the word at {@code offset} of {@code region} holds {@code expected}, for at most {@code timeoutNs}
     * (negative: no limit). Returns early when woken, when the word differs already, or on a signal; callers look at
     * their condition again in any case.
     *
     * @return false only when the timeout passed
     */
    public static boolean await(MemorySegment region, long offset, int expected, long timeoutNs) {
        Scratch s = SCRATCH.get();
        MemorySegment timeout = MemorySegment.NULL;
        if (timeoutNs >= 0) {
            s.timespec.set(ValueLayout.JAVA_LONG, 0, timeoutNs / 1_000_000_000L);
            s.timespec.set(ValueLayout.JAVA_LONG, 8, timeoutNs % 1_000_000_000L);
            timeout = s.timespec;
        }
        int errno = call(s, region.asSlice(offset, 4), FUTEX_WAIT, expected, timeout, 0);
        return errno != ETIMEDOUT;
    }

    /** Wakes up to {@code count} waiters of the word at {@code offset} of {@code region}, in any process. */
    public static void wake(MemorySegment region, long offset, int count) {
        call(SCRATCH.get(), region.asSlice(offset, 4), FUTEX_WAKE, count, MemorySegment.NULL, 0);
    }

    /**
     * Sleeps while the process-private word holds {@code expected}, until CLOCK_MONOTONIC reaches {@code monotonicNs}.
     *
     * @return false only when that instant passed
     */
    public static boolean awaitPrivateUntil(MemorySegment word, int expected, long monotonicNs) {
        Scratch s = SCRATCH.get();
        s.timespec.set(ValueLayout.JAVA_LONG, 0, monotonicNs / 1_000_000_000L);
        s.timespec.set(ValueLayout.JAVA_LONG, 8, monotonicNs % 1_000_000_000L);
        return call(s, word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, expected, s.timespec, MATCH_ANY) != ETIMEDOUT;
    }

    /** Wakes the waiter of a process-private word. */
    public static void wakePrivate(MemorySegment word) {
        call(SCRATCH.get(), word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, MemorySegment.NULL, 0);
    }

    /** Returns 0 or errno; EAGAIN (the word differed) and EINTR count as woken. */
    private static int call(Scratch s, MemorySegment word, int op, int val, MemorySegment timeout, int val3) {
        long rc;
        try {
            rc = (long) SYSCALL.invokeExact(s.capture, SYS_FUTEX, word, op, val, timeout, MemorySegment.NULL, val3);
        } catch (Throwable e) {
            throw new IllegalStateException("futex could not be called: " + e, e);
        }
        if (rc >= 0) {
            return 0;
        }
        int errno = Libc.errno(s.capture);
        if (errno == EAGAIN || errno == EINTR || errno == ETIMEDOUT) {
            return errno;
        }
        // only bad arguments fail otherwise, and every argument is the board's own
        throw new IllegalStateException("futex(op " + op + ") failed: " + Libc.strerror(errno));
    }

    private static final class Scratch {
        final MemorySegment timespec = Arena.global().allocate(16, 8);
        final MemorySegment capture = Libc.captureSegment(Arena.global());
    }
}

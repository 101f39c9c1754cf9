// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.BitSet;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * The Linux calls of the hosted board, made through the FFM API (no JNI, nothing to compile natively).
 * Scheduling calls act on the calling platform thread (Linux schedules threads, not processes); do not call
 * them from a virtual thread. Every failure is a {@link BoardUnavailableException} with one line naming the
 * call, the C library's text for errno and what to do.
 */
public final class Linux {
    private static final int CLOCK_MONOTONIC = 1;
    private static final int TIMER_ABSTIME = 1;
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;
    /** Children of a real-time thread (e.g. partition processes it spawns) start as SCHED_OTHER. */
    private static final int SCHED_RESET_ON_FORK = 0x40000000;
    private static final int MCL_CURRENT = 1;
    private static final int MCL_FUTURE = 2;
    private static final int EINTR = 4;
    private static final int ESRCH = 3;
    private static final int EPERM = 1;
    private static final int EINVAL = 22;
    private static final int CPU_SET_BYTES = 128;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    /*
     * Each call is bound at its first use, one holder class each: binding a downcall costs a cold JVM 20-40 ms of
     * processor per signature, and a partition JVM, which makes three of these calls, paid for all nine before its
     * hello (about a quarter of its start).
     */
    private static final class ClockGettime {
        static final MethodHandle H = Libc.bind("clock_gettime", false, FunctionDescriptor.of(INT, INT,
                ValueLayout.ADDRESS));
    }

    private static final class ClockNanosleep {
        static final MethodHandle H = Libc.bind("clock_nanosleep", false, FunctionDescriptor.of(INT, INT, INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    }

    private static final class Gettid {
        static final MethodHandle H = Libc.bind("gettid", false, FunctionDescriptor.of(INT));
    }

    private static final class SchedSetscheduler {
        static final MethodHandle H = Libc.bind("sched_setscheduler", true, FunctionDescriptor.of(INT, INT, INT,
                ValueLayout.ADDRESS));
    }

    private static final class SchedSetaffinity {
        static final MethodHandle H = Libc.bind("sched_setaffinity", true, FunctionDescriptor.of(INT, INT, LONG,
                ValueLayout.ADDRESS));
    }

    private static final class Mlockall {
        static final MethodHandle H = Libc.bind("mlockall", true, FunctionDescriptor.of(INT, INT));
    }

    private static final class Munlockall {
        static final MethodHandle H = Libc.bind("munlockall", true, FunctionDescriptor.of(INT));
    }

    private static final class Kill {
        static final MethodHandle H = Libc.bind("kill", true, FunctionDescriptor.of(INT, INT, INT));
    }

    private static final class Setpriority {
        static final MethodHandle H = Libc.bind("setpriority", true, FunctionDescriptor.of(INT, INT, INT, INT));
    }

    /** setpriority's {@code which} for one thread (Linux takes a thread id for it). */
    private static final int PRIO_PROCESS = 0;

    /** Per-thread native scratch memory, so the periodic calls allocate nothing after the first. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Linux() {
    }

    /** True on Linux where every call of this class can be linked. */
    public static boolean available() {
        return System.getProperty("os.name", "").startsWith("Linux")
                && ClockGettime.H != null && ClockNanosleep.H != null && Gettid.H != null
                && SchedSetscheduler.H != null && SchedSetaffinity.H != null && Mlockall.H != null
                && Munlockall.H != null && Kill.H != null && Setpriority.H != null;
    }

    /** CLOCK_MONOTONIC in nanoseconds (the clock the board's windows are planned on). */
    public static long monotonicNanos() {
        MemorySegment ts = SCRATCH.get().timespec;
        int rc;
        try {
            rc = (int) ClockGettime.H.invokeExact(CLOCK_MONOTONIC, ts);
        } catch (Throwable e) {
            throw new IllegalStateException("clock_gettime(CLOCK_MONOTONIC) could not be called: " + e, e);
        }
        if (rc != 0) {
            // Only a bad clock id or pointer can fail, and both are constants here.
            throw new IllegalStateException("clock_gettime(CLOCK_MONOTONIC) failed");
        }
        return ts.get(LONG, 0) * 1_000_000_000L + ts.get(LONG, 8);
    }

    /** Sleeps until CLOCK_MONOTONIC reaches {@code monotonicNs} (absolute, so no drift; signals do not cut it). */
    public static void sleepUntil(long monotonicNs) throws BoardUnavailableException {
        MemorySegment ts = SCRATCH.get().timespec;
        ts.set(LONG, 0, monotonicNs / 1_000_000_000L);
        ts.set(LONG, 8, monotonicNs % 1_000_000_000L);
        int rc;
        do {
            try {
                // clock_nanosleep returns the error number itself and leaves errno alone.
                rc = (int) ClockNanosleep.H.invokeExact(CLOCK_MONOTONIC, TIMER_ABSTIME, ts, MemorySegment.NULL);
            } catch (Throwable e) {
                throw unlinked("clock_nanosleep", e);
            }
        } while (rc == EINTR);
        if (rc != 0) {
            throw new BoardUnavailableException("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, " + monotonicNs
                    + " ns) failed (" + Libc.strerror(rc) + "): the target must be a non-negative monotonic time");
        }
    }

    /** The calling thread's kernel thread id (as in /proc/self/task/TID). */
    public static int tid() {
        try {
            return (int) Gettid.H.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("gettid could not be called: " + e, e);
        }
    }

    /** Makes the calling thread SCHED_FIFO at {@code priority} (1..99); processes it spawns start as SCHED_OTHER. */
    public static void setFifo(int priority) throws BoardUnavailableException {
        int errno = setScheduler(SCHED_FIFO | SCHED_RESET_ON_FORK, priority);
        if (errno == EPERM) {
            throw new BoardUnavailableException("SCHED_FIFO refused (" + Libc.strerror(errno)
                    + "): run the board as root or grant CAP_SYS_NICE (or raise RLIMIT_RTPRIO)");
        }
        if (errno != 0) {
            throw new BoardUnavailableException("SCHED_FIFO priority " + priority + " refused ("
                    + Libc.strerror(errno) + "): real-time priorities are 1..99");
        }
    }

    /**
     * Makes thread {@code tid} (of any process) SCHED_FIFO at {@code priority}; threads it creates inherit the
     * policy, so a partition's JVM keeps it for the threads it starts later.
     */
    public static void setFifo(long tid, int priority) throws BoardUnavailableException {
        int errno = setScheduler(tid, SCHED_FIFO, priority);
        if (errno == ESRCH) {
            return; // the thread ended meanwhile
        }
        if (errno != 0) {
            throw new BoardUnavailableException("SCHED_FIFO priority " + priority + " for thread " + tid + " refused ("
                    + Libc.strerror(errno) + "): run the board as root or grant CAP_SYS_NICE");
        }
    }

    /**
     * Gives thread {@code tid} (of any process), time-sharing, the nice value {@code nice} (-20, the most processor
     * share, to 19); threads it creates later inherit it.
     */
    public static void setNice(long tid, int nice) throws BoardUnavailableException {
        int errno = callErrno(Setpriority.H, "setpriority", PRIO_PROCESS, (int) tid, nice);
        if (errno != 0 && errno != ESRCH) {
            throw new BoardUnavailableException("nice " + nice + " for thread " + tid + " refused ("
                    + Libc.strerror(errno) + "): run the board as root or grant CAP_SYS_NICE");
        }
    }

    /** Thread {@code tid}'s nice value (of this process), from /proc. */
    public static int nice(long tid) throws BoardUnavailableException {
        java.nio.file.Path stat = java.nio.file.Path.of("/proc/self/task/" + tid + "/stat");
        try {
            String s = java.nio.file.Files.readString(stat);
            // after the name in parentheses (which may hold spaces): state is field 3, nice field 19
            return Integer.parseInt(s.substring(s.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (java.io.IOException | RuntimeException e) {
            throw new BoardUnavailableException(stat + ": cannot read the thread's nice value: " + e.getMessage(), e);
        }
    }

    /** Returns thread {@code tid} (of any process) to the normal time-sharing policy; a thread gone is no error. */
    public static void setOther(long tid) throws BoardUnavailableException {
        int errno = setScheduler(tid, SCHED_OTHER, 0);
        if (errno != 0 && errno != ESRCH) {
            throw new BoardUnavailableException("sched_setscheduler(SCHED_OTHER) for thread " + tid + " refused ("
                    + Libc.strerror(errno) + ")");
        }
    }

    private static int setScheduler(long tid, int policy, int priority) throws BoardUnavailableException {
        Scratch s = SCRATCH.get();
        s.schedParam.set(INT, 0, priority);
        int rc;
        try {
            rc = (int) SchedSetscheduler.H.invokeExact(s.capture, (int) tid, policy, s.schedParam);
        } catch (Throwable e) {
            throw unlinked("sched_setscheduler", e);
        }
        return rc == 0 ? 0 : Libc.errno(s.capture);
    }

    /** Returns the calling thread to the normal time-sharing policy. */
    public static void setOther() throws BoardUnavailableException {
        int errno = setScheduler(SCHED_OTHER, 0);
        if (errno != 0) {
            throw new BoardUnavailableException("sched_setscheduler(SCHED_OTHER) refused (" + Libc.strerror(errno)
                    + "): the thread's scheduling policy is managed elsewhere");
        }
    }

    /** Locks every present and future page of this process in RAM, so a window edge never waits for a page-in. */
    public static void lockAllMemory() throws BoardUnavailableException {
        int errno = callErrno(Mlockall.H, "mlockall", MCL_CURRENT | MCL_FUTURE);
        if (errno != 0) {
            throw new BoardUnavailableException("mlockall(MCL_CURRENT|MCL_FUTURE) refused (" + Libc.strerror(errno)
                    + "): run the board as root or grant CAP_IPC_LOCK and raise RLIMIT_MEMLOCK (ulimit -l)");
        }
    }

    /** Undoes {@link #lockAllMemory()}. */
    public static void unlockAllMemory() throws BoardUnavailableException {
        int errno = callErrno(Munlockall.H, "munlockall");
        if (errno != 0) {
            throw new BoardUnavailableException("munlockall refused (" + Libc.strerror(errno) + ")");
        }
    }

    /** Restricts the calling thread to {@code cpus}. */
    public static void pinCurrentThread(BitSet cpus) throws BoardUnavailableException {
        if (cpus.isEmpty()) {
            throw new BoardUnavailableException("sched_setaffinity refused: the cpu set is empty");
        }
        long[] words = cpus.toLongArray();
        long bytes = Math.max(CPU_SET_BYTES, words.length * 8L);
        Scratch s = SCRATCH.get();
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(bytes, 8);
            MemorySegment.copy(words, 0, mask, LONG, 0, words.length);
            rc = (int) SchedSetaffinity.H.invokeExact(s.capture, 0, bytes, mask);
        } catch (Throwable e) {
            throw unlinked("sched_setaffinity", e);
        }
        if (rc != 0) {
            int errno = Libc.errno(s.capture);
            String hint = errno == EINVAL ? ": the cpus must be online and allowed by this process's cpuset"
                    : errno == EPERM ? ": run the board as root or grant CAP_SYS_NICE" : "";
            throw new BoardUnavailableException("sched_setaffinity(cpus " + CpuList.format(cpus) + ") refused ("
                    + Libc.strerror(errno) + ")" + hint);
        }
    }

    /**
     * Sends {@code signal} to process {@code pid}; false when the process no longer exists (ESRCH), which
     * callers that are killing a group treat as done.
     */
    public static boolean kill(long pid, int signal) throws BoardUnavailableException {
        int errno = callErrno(Kill.H, "kill", (int) pid, signal);
        if (errno == ESRCH) {
            return false;
        }
        if (errno != 0) {
            throw new BoardUnavailableException("kill(" + pid + ", " + signal + ") refused (" + Libc.strerror(errno)
                    + "): the board must run as root or as the owner of its partition processes");
        }
        return true;
    }

    private static int setScheduler(int policy, int priority) throws BoardUnavailableException {
        Scratch s = SCRATCH.get();
        s.schedParam.set(INT, 0, priority);
        int rc;
        try {
            rc = (int) SchedSetscheduler.H.invokeExact(s.capture, 0, policy, s.schedParam);
        } catch (Throwable e) {
            throw unlinked("sched_setscheduler", e);
        }
        return rc == 0 ? 0 : Libc.errno(s.capture);
    }

    private static int callErrno(MethodHandle handle, String name, int... args) throws BoardUnavailableException {
        Scratch s = SCRATCH.get();
        int rc;
        try {
            rc = switch (args.length) {
                case 0 -> (int) handle.invokeExact(s.capture);
                case 1 -> (int) handle.invokeExact(s.capture, args[0]);
                case 2 -> (int) handle.invokeExact(s.capture, args[0], args[1]);
                default -> (int) handle.invokeExact(s.capture, args[0], args[1], args[2]);
            };
        } catch (Throwable e) {
            throw unlinked(name, e);
        }
        return rc == 0 ? 0 : Libc.errno(s.capture);
    }

    private static BoardUnavailableException unlinked(String call, Throwable e) {
        return new BoardUnavailableException(call + " could not be called (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "): the hosted board needs Linux with a C library and --enable-native-access for its module", e);
    }

    private static final class Scratch {
        final Arena arena = Arena.ofAuto();
        final MemorySegment timespec = arena.allocate(16, 8);
        final MemorySegment schedParam = arena.allocate(4, 4);
        final MemorySegment capture = Libc.captureSegment(arena);
    }
}

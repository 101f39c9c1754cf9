// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Network namespaces entered by one dedicated platform thread. Linux keeps the network namespace per thread: this
 * thread alone leaves the board's namespace, for a fresh one (a process it starts there inherits it) or for a
 * running process's (a socket it creates there stays there), and always comes back before it takes the next job.
 * No other thread of the JVM ever sees another namespace.
 */
public final class NetNamespaces implements AutoCloseable {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final long SIOCGIFFLAGS = 0x8913;
    private static final long SIOCSIFFLAGS = 0x8914;
    private static final short IFF_UP = 1;
    private static final int IFREQ_BYTES = 40;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final MethodHandle UNSHARE = Libc.bind("unshare", true, FunctionDescriptor.of(INT, INT));
    private static final MethodHandle SETNS = Libc.bind("setns", true, FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle OPEN = Libc.bind("open", true,
            FunctionDescriptor.of(INT, ValueLayout.ADDRESS, INT));
    private static final MethodHandle CLOSE = Libc.bind("close", false, FunctionDescriptor.of(INT, INT));
    private static final MethodHandle SOCKET = Libc.bind("socket", true, FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle IOCTL = bindIoctl();

    private final ExecutorService thread;
    private final int home;

    private NetNamespaces(ExecutorService thread, int home) {
        this.thread = thread;
        this.home = home;
    }

    /**
     * The thread, created here (so it inherits the caller's ordinary scheduling, not a real-time thread's); it
     * keeps a handle on its own namespace to come back to. Fails with one line when this machine cannot.
     */
    public static NetNamespaces open(String name) throws BoardUnavailableException {
        if (UNSHARE == null || SETNS == null || OPEN == null || SOCKET == null || IOCTL == null) {
            throw new BoardUnavailableException("this C library has no unshare/setns: no private network namespaces");
        }
        ExecutorService t = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name(name).daemon().unstarted(r));
        try {
            int fd = t.submit(() -> openFile("/proc/thread-self/ns/net")).get();
            return new NetNamespaces(t, fd);
        } catch (ExecutionException e) {
            t.shutdownNow();
            throw e.getCause() instanceof BoardUnavailableException b ? b
                    : new BoardUnavailableException("cannot open this thread's network namespace: " + e.getCause());
        } catch (InterruptedException e) {
            t.shutdownNow();
            Thread.currentThread().interrupt();
            throw new BoardUnavailableException("interrupted while opening the network namespace thread");
        }
    }

    /**
     * Runs {@code action} on the thread inside a new network namespace whose loopback interface is up; a process
     * started by {@code action} lives there (the namespace lasts as long as it does).
     */
    public <T> T inNew(Callable<T> action) throws Exception {
        return on(() -> {
            check(call(UNSHARE, CLONE_NEWNET), "unshare(CLONE_NEWNET)");
            try {
                loopbackUp();
                return action.call();
            } finally {
                back();
            }
        });
    }

    /** Runs {@code action} on the thread inside the network namespace of process {@code pid}. */
    public <T> T in(long pid, Callable<T> action) throws Exception {
        return on(() -> {
            int fd = openFile("/proc/" + pid + "/ns/net");
            try {
                check(call(SETNS, fd, CLONE_NEWNET), "setns(/proc/" + pid + "/ns/net)");
                try {
                    return action.call();
                } finally {
                    back();
                }
            } finally {
                close(fd);
            }
        });
    }

    private <T> T on(Callable<T> job) throws Exception {
        Future<T> f = thread.submit(job);
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    /** Back to the board's namespace; a thread that cannot return must never run another job. */
    private void back() {
        try {
            check(call(SETNS, home, CLONE_NEWNET), "setns(back to the board's network namespace)");
        } catch (BoardUnavailableException e) {
            thread.shutdownNow();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** {@code ip link set lo up}: SIOCSIFFLAGS on a datagram socket of the namespace. */
    static void loopbackUp() throws BoardUnavailableException {
        int s;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.captureSegment(arena);
            try {
                s = (int) SOCKET.invokeExact(cap, AF_INET, SOCK_DGRAM, 0);
            } catch (Throwable e) {
                throw new IllegalStateException("socket() could not be called: " + e, e);
            }
            if (s < 0) {
                throw failed("socket(AF_INET)", Libc.errno(cap));
            }
            try {
                MemorySegment ifr = arena.allocate(IFREQ_BYTES);
                ifr.setString(0, "lo");
                ioctl(cap, s, SIOCGIFFLAGS, ifr, "SIOCGIFFLAGS lo");
                ifr.set(ValueLayout.JAVA_SHORT, 16, (short) (ifr.get(ValueLayout.JAVA_SHORT, 16) | IFF_UP));
                ioctl(cap, s, SIOCSIFFLAGS, ifr, "SIOCSIFFLAGS lo up");
            } finally {
                close(s);
            }
        }
    }

    private static void ioctl(MemorySegment cap, int fd, long request, MemorySegment arg, String what)
            throws BoardUnavailableException {
        int rc;
        try {
            rc = (int) IOCTL.invokeExact(cap, fd, request, arg);
        } catch (Throwable e) {
            throw new IllegalStateException("ioctl could not be called: " + e, e);
        }
        if (rc != 0) {
            throw failed("ioctl(" + what + ")", Libc.errno(cap));
        }
    }

    static int openFile(String path) throws BoardUnavailableException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.captureSegment(arena);
            int fd;
            try {
                fd = (int) OPEN.invokeExact(cap, arena.allocateFrom(path), O_RDONLY_CLOEXEC);
            } catch (Throwable e) {
                throw new IllegalStateException("open() could not be called: " + e, e);
            }
            if (fd < 0) {
                throw failed("open(" + path + ")", Libc.errno(cap));
            }
            return fd;
        }
    }

    /** Calls an int(int...) function with an errno capture; returns -errno on failure, else its result. */
    static int call(MethodHandle h, int... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.captureSegment(arena);
            int rc;
            try {
                rc = args.length == 1 ? (int) h.invokeExact(cap, args[0]) : (int) h.invokeExact(cap, args[0], args[1]);
            } catch (Throwable e) {
                throw new IllegalStateException("a namespace call could not be made: " + e, e);
            }
            return rc < 0 ? -Libc.errno(cap) : rc;
        }
    }

    static void check(int rc, String what) throws BoardUnavailableException {
        if (rc < 0) {
            throw failed(what, -rc);
        }
    }

    static BoardUnavailableException failed(String what, int errno) {
        return new BoardUnavailableException(what + " failed: " + Libc.strerror(errno)
                + (errno == 1 ? " (needs CAP_SYS_ADMIN: run the board as root or in a user namespace that allows it)" : ""));
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            // a descriptor we opened; nothing to do if it cannot be closed
        }
    }

    private static MethodHandle bindIoctl() {
        var symbol = Linker.nativeLinker().defaultLookup().find("ioctl");
        if (symbol.isEmpty()) {
            return null;
        }
        return Linker.nativeLinker().downcallHandle(symbol.get(),
                FunctionDescriptor.of(INT, INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
                Linker.Option.firstVariadicArg(2), Linker.Option.captureCallState("errno"));
    }

    @Override
    public void close() {
        thread.submit(() -> close(home));
        thread.shutdown();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.InvocationTargetException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.bsp.sim.LockstepExecutor;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.kernel.ProcessExit;
import org.orrery.os.partition.wire.ApiTable;
import org.orrery.os.partition.wire.Frame;
import org.orrery.os.partition.wire.ProtocolException;
import org.orrery.os.partition.wire.Wire;

/**
 * One partition's process, seen from the kernel: starts it (again after a cold start or a loss), and
 * speaks for its threads. A conversation is strictly alternating: the kernel-side thread of the process
 * that holds the core sends a frame and reads until that same remote thread calls, ends or dies. Anything
 * else from the partition process is a protocol violation and costs it its process.
 */
final class PartitionHost {
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long INIT_STACK = 1 << 20;
    private static final int LOG_TAIL = 4096;

    private final PartitionProcesses board;
    private final PartitionConfig config;
    private Conn conn;
    private int generation;

    PartitionHost(PartitionProcesses board, PartitionConfig config) {
        this.board = board;
        this.config = config;
    }

    String name() {
        return config.name();
    }

    /** Starts the partition process without waiting for it (boot starts all partitions side by side). */
    synchronized void launch() throws IOException {
        conn = new Conn(++generation);
        conn.launch();
    }

    /** Before an initialisation: a cold start or a lost process needs a fresh partition process. */
    synchronized Conn prepare(boolean cold) {
        long t0 = System.nanoTime();
        try {
            if (conn == null || conn.lost() || (cold && conn.used)) {
                if (conn != null) {
                    conn.close();
                }
                launch();
            }
            conn.connect();
            return conn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the partition process of " + name() + ": " + e.getMessage(), e);
        } finally {
            // starting a process is the board's time, not the partition's
            LockstepExecutor.credit(System.nanoTime() - t0);
        }
    }

    synchronized void close() {
        if (conn != null) {
            conn.close();
        }
    }

    /** Kernel side of the initialisation thread: loads the application in the partition process and serves it. */
    void runInit(Partition api) {
        Conn c;
        synchronized (this) {
            c = conn;
        }
        RemoteExecutor.RemoteContext rc = RemoteExecutor.CURRENT.get();
        c.used = true;
        c.register0(api);
        int tid = c.newTid();
        rc.bind(c, tid);
        try {
            c.wire.load(tid, config.entryClass(), INIT_STACK);
        } catch (IOException e) {
            throw c.lost(e);
        }
        c.serve(tid);
    }

    /** Kernel side of a process thread: runs the remote body and serves its calls until it ends. */
    void runBody(RemoteExecutor.RemoteContext rc, RemoteBody body, long stackSize, String name) {
        Conn c;
        synchronized (this) {
            c = conn;
        }
        if (c == null || c.generation != body.generation()) {
            // registered by an earlier life of the partition process: nothing left to run it
            throw RemoteFailures.gone("the process body belongs to a partition process that is gone");
        }
        int tid = c.newTid();
        rc.bind(c, tid);
        try {
            c.wire.run(tid, body.id(), stackSize, name.substring(name.indexOf('/') + 1));
        } catch (IOException e) {
            throw c.lost(e);
        }
        c.serve(tid);
    }

    /** One life of the partition process: its OS process, its socket and the kernel objects it may name. */
    final class Conn implements Wire.Side {
        final int generation;
        private final Path socket;
        private final Path log;
        private ServerSocketChannel server;
        private Process process;
        private SocketChannel channel;
        private Wire wire;
        private final List<Object> objects = new ArrayList<>();
        private final Map<Object, Integer> ids = new IdentityHashMap<>();
        private final ReadTurns turns = new ReadTurns();
        private volatile boolean lost;
        private volatile String killedBecause;
        boolean used;

        Conn(int generation) {
            this.generation = generation;
            this.socket = board.directory().resolve("p" + config.index() + "-" + generation + ".sock");
            this.log = board.directory().resolve("p" + config.index() + "-" + generation + ".log");
        }

        void launch() throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            ProcessBuilder pb = new ProcessBuilder(board.command(config, socket));
            pb.directory(board.directory().toFile());
            pb.environment().clear(); // nothing of the host's environment reaches the partition
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.redirectErrorStream(true);
            process = board.launcher().start(config, pb);
        }

        /** Waits for the launched process to connect and say who it is. */
        void connect() throws IOException {
            if (wire != null) {
                return;
            }
            long deadline = System.nanoTime() + CONNECT_TIMEOUT_NANOS;
            SocketChannel ch;
            while ((ch = server.accept()) == null) {
                if (!process.isAlive()) {
                    throw new IOException("it ended with status " + process.exitValue() + " before connecting: "
                            + tail());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("it did not connect within 60 s: " + tail());
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while it started");
                }
            }
            server.close();
            Files.deleteIfExists(socket);
            ch.configureBlocking(true);
            channel = ch;
            wire = new Wire(Channels.newInputStream(ch), Channels.newOutputStream(ch), this);
            Frame hello = wire.read();
            if (hello.type() != Frame.HELLO || !config.name().equals(hello.text())) {
                throw new IOException("it did not introduce itself as partition " + config.name());
            }
            if (hello.c() != ApiTable.signature()) {
                throw new IOException("the partition runtime in the image speaks another version of the partition "
                        + "API than this kernel; rebuild the image with this Orrery");
            }
        }

        int newTid() {
            return turns.start();
        }

        boolean lost() {
            return lost;
        }

        void register0(Partition api) {
            if (objects.isEmpty()) {
                objects.add(api);
                ids.put(api, 0);
            }
        }

        /** Reads the frames of remote thread {@code tid} and serves its calls until it ends. */
        void serve(int tid) {
            try {
                while (true) {
                    Frame f;
                    try {
                        f = turns.next(tid, wire);
                    } catch (ProtocolException e) {
                        // refused for what it sent, at once: lost() would wait for a live process to end and
                        // call it a death
                        throw violation("sent an invalid frame", e);
                    } catch (IOException e) {
                        throw lost(e);
                    }
                    if (f == null) {
                        // its process was stopped while this thread waited for its next call: the remote thread
                        // has been told to unwind, nothing is left to serve
                        throw new ProcessExit();
                    }
                    if (f.tid() != tid || (f.type() != Frame.CALL && f.type() != Frame.END)) {
                        kill("the partition process spoke out of turn (protocol violation)");
                        throw lost(null);
                    }
                    if (f.type() == Frame.END) {
                        if (f.a() == Frame.ENDED) {
                            return;
                        }
                        Throwable t = RemoteFailures.of(f.a(), f.text());
                        if (t instanceof RuntimeException re) {
                            throw re;
                        }
                        throw (Error) t;
                    }
                    // The call may block, and the partition's other threads' calls then reuse this connection.
                    dispatch(tid, f);
                }
            } finally {
                turns.ended(tid);
            }
        }

        private void dispatch(int tid, Frame f) {
            ApiCall call;
            try {
                call = ApiCall.of(objects, f);
            } catch (ProtocolException e) {
                throw violation("made a call that is not in the partition API", e);
            }
            Object result;
            try {
                result = call.method().invoke(call.target(), f.args());
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ProcessExit exit) {
                    unwind(tid);
                    throw exit;
                }
                if (cause instanceof RuntimeException re) {
                    try {
                        wire.raise(tid, re instanceof IllegalRequestException, re instanceof IllegalRequestException
                                ? re.getMessage() : re.toString());
                    } catch (IOException io) {
                        throw lost(io);
                    }
                    return;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            List<Message> filled = new ArrayList<>(1);
            for (Object a : f.args()) {
                if (a instanceof Message out) {
                    filled.add(out); // out-parameters go back in argument order
                }
            }
            try {
                wire.ret(tid, result, filled);
            } catch (IOException e) {
                throw lost(e);
            }
        }

        /** Best effort: the remote thread of a stopped process unwinds (a dead process needs nothing). */
        void unwind(int tid) {
            if (lost || wire == null || !turns.unwind(tid)) {
                return;
            }
            try {
                wire.unwind(tid);
            } catch (IOException e) {
                // it is gone; the next conversation finds out
            }
        }

        /**
         * A process was stopped while its remote thread ran its own code: a Java thread cannot be stopped from
         * outside, so the thread is told to unwind and does at its next call (a kernel call or a port it serves
         * itself). One that makes no call within {@code guardNanos} costs the partition its process, as an overrun
         * does; until then it runs only in its partition's windows, beside the process's next start.
         */
        void unwindRunning(int tid, long guardNanos) {
            unwind(tid);
            Thread.ofVirtual().name("orrery-unwind-guard-" + config.name()).start(() -> {
                try {
                    TimeUnit.NANOSECONDS.sleep(guardNanos);
                } catch (InterruptedException e) {
                    return;
                }
                if (turns.unwinding(tid)) {
                    kill("a stopped process ran its own code for " + TimeUnit.NANOSECONDS.toMillis(guardNanos)
                            + " ms more without a call that would unwind it; its partition process was killed");
                }
            });
        }

        /** Kills the process for what it sent; the failure its thread ends with says what and why. */
        private RuntimeException violation(String what, ProtocolException why) {
            kill("the partition process " + what + " (protocol violation): " + why.problem());
            return lost(null);
        }

        /** Ends the partition process for good (its threads cannot be stopped one by one). */
        void kill(String why) {
            if (killedBecause == null) {
                killedBecause = why;
            }
            lost = true;
            if (process != null) {
                process.destroyForcibly();
            }
            closeQuietly();
        }

        /** Marks the process lost and says what became of it, as the failure the process's thread ends with. */
        RuntimeException lost(IOException cause) {
            lost = true;
            boolean exited = false;
            try {
                exited = process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!exited) {
                process.destroyForcibly();
            }
            closeQuietly();
            String tail = tail();
            if (killedBecause != null) {
                return RemoteFailures.gone(killedBecause);
            }
            if (tail.contains("OutOfMemoryError")) {
                throw RemoteFailures.outOfMemory("partition process exhausted its memory budget of "
                        + config.memoryBudget() + " bytes");
            }
            return RemoteFailures.gone("partition process ended unexpectedly"
                    + (exited ? " (status " + process.exitValue() + ")" : ""));
        }

        void close() {
            if (wire != null && !lost) {
                try {
                    wire.exit();
                } catch (IOException e) {
                    // already gone
                }
            }
            lost = true;
            if (process != null) {
                try {
                    if (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
            closeQuietly();
        }

        private void closeQuietly() {
            try {
                if (channel != null) {
                    channel.close();
                }
                if (server != null) {
                    server.close();
                }
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // nothing more to release
            }
        }

        /** The end of the partition process's own output (JVM errors), for messages. */
        private String tail() {
            try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
                long n = Math.min(f.length(), LOG_TAIL);
                byte[] b = new byte[(int) n];
                f.seek(f.length() - n);
                f.readFully(b);
                return new String(b, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "";
            }
        }

        // ---- Wire.Side (kernel end)

        @Override
        public int handleId(Object service) {
            return ids.computeIfAbsent(service, s -> {
                objects.add(s);
                return objects.size() - 1;
            });
        }

        @Override
        public Object handle(int id, int iface) throws IOException {
            if (id < 0 || id >= objects.size()) {
                throw new ProtocolException("it named service #" + id + ", which the kernel never gave it");
            }
            Object o = objects.get(id);
            if (iface >= ApiTable.INTERFACES.size()) {
                throw new ProtocolException("it named service #" + id + " as interface #" + iface
                        + ", which the partition API does not have");
            }
            if (!ApiTable.INTERFACES.get(iface).isInstance(o)) {
                throw new ProtocolException("it named service #" + id + ", a "
                        + ApiTable.INTERFACES.get(ApiTable.interfaceOf(o)).getSimpleName() + ", as a "
                        + ApiTable.INTERFACES.get(iface).getSimpleName());
            }
            return o;
        }

        @Override
        public int bodyId(Runnable body) {
            throw new UnsupportedOperationException("the kernel sends no bodies");
        }

        @Override
        public Runnable body(int id) {
            return new RemoteBody(PartitionHost.this, generation, id);
        }

        @Override
        public Message message(int capacity) {
            return new Message(capacity);
        }
    }
}

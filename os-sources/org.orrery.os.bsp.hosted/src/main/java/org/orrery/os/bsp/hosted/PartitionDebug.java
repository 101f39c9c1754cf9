// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.orrery.os.bsp.hosted.linux.NetNamespaces;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.PartitionConfig;

/**
 * Debugging of partition JVMs without a network port of the board. Each partition JVM starts with a JDWP agent
 * listening on 127.0.0.1 inside a network namespace of its own (only {@code lo}, up), so nothing on the board's
 * network reaches it; the same port in every partition, since no two share a namespace. Partitions still reach
 * the kernel: their socket is a Unix socket in the board's private folder, which no network namespace hides.
 *
 * <p>The agent (or any process that can open the folder {@link #DIR_PROPERTY} names, owner-only) reaches a
 * partition's debugger through {@code DIR/PARTITION.sock}: each connection is relayed to that JVM's JDWP port,
 * entered on the one thread of {@link NetNamespaces}. One session per partition at a time. While a session is open
 * the partition's processes are not overrun-killed for holding their core (a thread stopped at a breakpoint does
 * that); their deadlines still apply. When this machine cannot create namespaces the partitions start without JDWP
 * and {@code DIR/PARTITION.refused} says why, in one line.
 */
final class PartitionDebug implements PartitionProcesses.Launcher, AutoCloseable {
    /** The folder of the debug sockets; the board debugs nothing when it is not set. */
    static final String DIR_PROPERTY = "orrery.debug.dir";
    /** JDWP's port inside each partition's own namespace. */
    static final int JDWP_PORT = 8000;
    private static final long CONNECT_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final int RELAY_BUFFER = 1 << 16;

    private final Path dir;
    private final NetNamespaces namespaces;
    private final String unavailable;
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, ServerSocketChannel> servers = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicIntegerArray debugged;
    private final List<SocketChannel> open = new ArrayList<>();
    private volatile boolean closed;
    private volatile Sessions sessions = (partition, attached) -> { };
    private volatile PartitionProcesses.Launcher inner = PartitionProcesses.Launcher.PLAIN;
    /** Whether {@link #inner} starts each partition in a network namespace of its own already. */
    private volatile boolean innerIsolates;

    /** Told when a debugger attaches to a partition's JVM and when it leaves, by the partition's index. */
    interface Sessions {
        void changed(int partition, boolean attached);
    }

    private PartitionDebug(Path dir, NetNamespaces namespaces, String unavailable, int partitions) {
        this.dir = dir;
        this.namespaces = namespaces;
        this.unavailable = unavailable;
        this.debugged = new java.util.concurrent.atomic.AtomicIntegerArray(partitions);
    }

    /** The board's debugger side when {@link #DIR_PROPERTY} is set, else null. */
    static PartitionDebug fromProperty(int partitions) {
        String d = System.getProperty(DIR_PROPERTY);
        if (d == null || d.isBlank()) {
            return null;
        }
        NetNamespaces ns = null;
        String why = null;
        try {
            ns = NetNamespaces.open("orrery-debug-netns");
        } catch (BoardUnavailableException e) {
            why = e.getMessage();
        }
        return new PartitionDebug(Path.of(d), ns, why, partitions);
    }

    /** Tells {@code sessions} of every debugger that attaches or leaves from now on. */
    void onSessions(Sessions sessions) {
        this.sessions = sessions;
    }

    /** True while a debugger is attached to the partition with this index. */
    boolean debugged(int partition) {
        return partition >= 0 && partition < debugged.length() && debugged.get(partition) != 0;
    }

    @Override
    public Process start(PartitionConfig partition, ProcessBuilder builder) throws IOException {
        String name = partition.name();
        if (namespaces != null) {
            List<String> cmd = new ArrayList<>(builder.command());
            // a JVM with a JDWP agent refuses an AOT cache of linked classes (and says so on its output)
            cmd.replaceAll(o -> o.startsWith("-XX:AOTCache=") ? "-Xshare:auto" : o);
            cmd.add(1, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + JDWP_PORT);
            builder.command(cmd);
            try {
                Process p = innerIsolates ? inner.start(partition, builder)
                        : namespaces.inNew(() -> inner.start(partition, builder));
                pids.put(name, p.pid());
                serve(partition);
                return p;
            } catch (BoardUnavailableException e) {
                builder.command().remove(1);
                refuse(name, e.getMessage());
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        } else {
            refuse(name, unavailable);
        }
        return inner.start(partition, builder);
    }

    /**
     * Starts each partition JVM, once its debug options are in, with {@code launcher} (as its user, for one), in a
     * network namespace of this debugger's making unless {@code isolating} says the launcher gives it one.
     */
    PartitionDebug startingWith(PartitionProcesses.Launcher launcher, boolean isolating) {
        inner = launcher;
        innerIsolates = isolating;
        return this;
    }

    /** Says in one line why this partition cannot be debugged; no port is opened instead. */
    private void refuse(String partition, String why) throws IOException {
        Path tmp = dir.resolve(partition + ".refused.tmp");
        Files.writeString(tmp, "partition " + partition + " cannot be debugged on this board: its JVM needs a private "
                + "network namespace for JDWP, and " + why + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, dir.resolve(partition + ".refused"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The partition's debug socket, once per board (a restarted partition keeps it; the pid changes). */
    private void serve(PartitionConfig partition) throws IOException {
        if (servers.containsKey(partition.name())) {
            return;
        }
        Path path = dir.resolve(partition.name() + ".sock");
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        servers.put(partition.name(), server);
        Thread.ofPlatform().daemon().name("orrery-debug-" + partition.name())
                .start(() -> accept(partition, server));
    }

    private void accept(PartitionConfig partition, ServerSocketChannel server) {
        AtomicBoolean busy = new AtomicBoolean();
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed with the board
            }
            if (!busy.compareAndSet(false, true)) {
                closeQuietly(client); // the agent holds one session per partition; this is a stray second
                continue;
            }
            Thread.ofPlatform().daemon().name("orrery-debug-session-" + partition.name()).start(() -> {
                try {
                    session(partition, client);
                } finally {
                    busy.set(false);
                }
            });
        }
    }

    /** Connects to the partition JVM's JDWP port in its namespace and relays bytes both ways until either ends. */
    private void session(PartitionConfig partition, SocketChannel client) {
        SocketChannel jdwp = null;
        try {
            jdwp = connect(partition.name());
            track(jdwp);
            debugged.set(partition.index(), 1);
            sessions.changed(partition.index(), true);
            SocketChannel target = jdwp;
            Thread up = Thread.ofPlatform().daemon().name("orrery-debug-up-" + partition.name())
                    .start(() -> copy(client, target));
            copy(target, client);
            up.join();
        } catch (IOException e) {
            // the partition JVM is gone or never listened: the client sees its connection end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (debugged.getAndSet(partition.index(), 0) != 0) {
                sessions.changed(partition.index(), false);
            }
            closeQuietly(client);
            if (jdwp != null) {
                closeQuietly(jdwp);
            }
        }
    }

    /** JDWP listens shortly after the JVM starts; a frozen JVM's kernel still accepts, so this only waits for that. */
    private SocketChannel connect(String partition) throws IOException {
        long deadline = System.nanoTime() + CONNECT_PATIENCE_NANOS;
        while (true) {
            Long pid = pids.get(partition);
            try {
                return namespaces.in(pid, () -> SocketChannel.open(new InetSocketAddress("127.0.0.1", JDWP_PORT)));
            } catch (Exception e) {
                if (System.nanoTime() > deadline || closed) {
                    throw new IOException("partition " + partition + "'s JDWP port: " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    /** Copies until end of input, then half-closes the output so the other direction can finish. */
    private static void copy(SocketChannel from, SocketChannel to) {
        var buf = java.nio.ByteBuffer.allocate(RELAY_BUFFER);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized void track(SocketChannel c) {
        open.add(c);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        for (var e : servers.entrySet()) {
            closeQuietly(e.getValue());
            try {
                Files.deleteIfExists(dir.resolve(e.getKey() + ".sock"));
            } catch (IOException ignored) {
                // the agent removes the folder
            }
        }
        synchronized (this) {
            open.forEach(PartitionDebug::closeQuietly);
        }
        if (namespaces != null) {
            namespaces.close();
        }
    }
}

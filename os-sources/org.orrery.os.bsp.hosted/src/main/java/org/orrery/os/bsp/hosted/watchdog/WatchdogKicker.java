// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Kernel side of the board watchdog: one connection to the supervisor, one byte per kick.
 *
 * <p>{@link #kick()} is called from the kernel's real-time thread at window edges, so it never blocks and never
 * allocates: the socket is non-blocking and the byte comes from a preallocated direct buffer. When the socket
 * buffer is full the kick is dropped (and counted). That is safe: the buffer can only be full while earlier
 * kicks are still in it unread, and the supervisor counts a kick at the moment it reads one, so its next read
 * sees a kick no matter how many were dropped. A dropped kick can only make the supervisor more lenient, never
 * cause a reset; a supervisor that stopped reading altogether is the case the machine's /dev/watchdog covers.
 *
 * <p>A kernel that ends on purpose calls {@link #close()} before it exits, even when it exits with a non-zero
 * status: a JVM that has started child processes takes about 300 ms to exit (HotSpot waits that long for threads
 * blocked in native code, such as the process reaper in waitpid; measured 306-317 ms here against 6-26 ms without
 * a child), which is longer than a tight watchdog timeout. A kernel that wants the board reset simply exits
 * non-zero without closing.
 *
 * <p>One thread kicks; {@link #close()} may come from another.
 */
public final class WatchdogKicker implements AutoCloseable {
    private static final long CLOSE_WAIT_NANOS = 1_000_000_000L;

    private final SocketChannel channel;
    private final ByteBuffer kickByte = ByteBuffer.allocateDirect(1).put(0, WatchdogProtocol.KICK);
    private volatile long delivered;
    private volatile long dropped;
    private volatile boolean lost;
    private volatile boolean closed;

    private WatchdogKicker(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Connects to the supervisor named by {@value WatchdogProtocol#SOCKET_ENV}, or returns empty when the kernel
     * runs without a board watchdog.
     *
     * @throws IOException one line naming the variable and the socket when the supervisor cannot be reached
     */
    public static Optional<WatchdogKicker> fromEnvironment() throws IOException {
        return fromEnvironment(System.getenv());
    }

    /** {@link #fromEnvironment()} over a given environment. */
    public static Optional<WatchdogKicker> fromEnvironment(Map<String, String> environment) throws IOException {
        String socket = environment.get(WatchdogProtocol.SOCKET_ENV);
        if (socket == null || socket.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(connect(Path.of(socket)));
        } catch (IOException | RuntimeException e) {
            throw new IOException(WatchdogProtocol.SOCKET_ENV + "=" + socket
                    + ": cannot connect to the board watchdog (" + e.getMessage() + ")", e);
        }
    }

    /** Connects to a supervisor's socket. */
    public static WatchdogKicker connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new WatchdogKicker(ch);
    }

    /**
     * How many times the supervisor has reset the board before this boot, from {@value WatchdogProtocol#RESETS_ENV}
     * (0 on a first boot or without a supervisor).
     */
    public static int boardResets() {
        String value = System.getenv(WatchdogProtocol.RESETS_ENV);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Why the board was last reset ({@value WatchdogProtocol#CAUSE_WATCHDOG} or {@value WatchdogProtocol#CAUSE_CRASH}), if it was. */
    public static Optional<String> lastResetCause() {
        return Optional.ofNullable(System.getenv(WatchdogProtocol.RESET_CAUSE_ENV));
    }

    /**
     * Sends one kick without blocking.
     *
     * @return whether the kick reached the socket; false when it was dropped (buffer full), the supervisor is
     *         gone or the kicker is closed
     */
    public boolean kick() {
        if (closed || lost) {
            return false;
        }
        kickByte.clear();
        try {
            if (channel.write(kickByte) == 1) {
                delivered++;
                return true;
            }
            dropped++;
            return false;
        } catch (IOException e) {
            // the supervisor is gone (EPIPE): nothing to kick any more; the kernel can ask supervisorLost().
            // A close() racing with this kick is not a lost supervisor.
            lost = !closed;
            return false;
        }
    }

    /** Kicks that reached the socket. */
    public long delivered() {
        return delivered;
    }

    /** Kicks dropped because the socket buffer was full. */
    public long dropped() {
        return dropped;
    }

    /** Whether a kick found the supervisor gone (the board then runs unsupervised). */
    public boolean supervisorLost() {
        return lost;
    }

    /**
     * Tells the supervisor that the kernel is stopping on purpose, then closes the connection. Waits at most a
     * second for room in the socket buffer: this is the shutdown path, not the real-time one.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            if (!lost) {
                ByteBuffer stop = ByteBuffer.allocate(1).put(0, WatchdogProtocol.CLEAN_STOP);
                long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
                while (channel.write(stop) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
        } catch (IOException e) {
            lost = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

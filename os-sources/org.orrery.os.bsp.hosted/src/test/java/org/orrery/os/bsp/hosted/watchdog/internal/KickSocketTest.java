// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.hosted.watchdog.WatchdogProtocol;

/**
 * The supervisor's end of the kick channel against plain sockets standing in for kernels: a kick and a clean stop
 * are heard and nothing else is; one kernel connection per boot, a second cannot kick; a new boot forgets the last
 * kernel and what it left in the backlog; a kernel that closed and connects again is heard again.
 */
class KickSocketTest {

    /** Long enough for a poll to accept a connection and read what it sent, on a loaded machine. */
    private static final long LISTEN_NANOS = 300_000_000L;

    @TempDir
    Path dir;

    private KickSocket bind() throws IOException {
        return KickSocket.bind(dir.resolve("wd").resolve("kick.sock"));
    }

    private static SocketChannel connect(KickSocket kicks) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(kicks.path()));
    }

    private static void send(SocketChannel kernel, byte b) {
        try {
            kernel.write(ByteBuffer.wrap(new byte[] {b}));
        } catch (IOException e) {
            // the supervisor closed this connection: what it sends is not heard, which is what the tests check
        }
    }

    /** Whether the supervisor closed its end: the end of the stream, or a reset when it left bytes unread. */
    private static boolean closed(SocketChannel kernel) throws IOException {
        kernel.configureBlocking(false); // a read finds 0 bytes while the connection stays open
        try {
            return kernel.read(ByteBuffer.allocate(1)) < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    /** What the socket reports over {@link #LISTEN_NANOS}. */
    private static int listen(KickSocket kicks) throws IOException {
        int events = 0;
        long end = System.nanoTime() + LISTEN_NANOS;
        for (long left = LISTEN_NANOS; left > 0; left = end - System.nanoTime()) {
            events |= kicks.poll(left);
        }
        return events;
    }

    @Test
    void aKickAndACleanStopAreHeardAndOtherBytesAreNot() throws Exception {
        try (KickSocket kicks = bind(); SocketChannel kernel = connect(kicks)) {
            send(kernel, (byte) 'x');
            send(kernel, (byte) 0);
            assertEquals(0, listen(kicks), "a byte that is neither a kick nor a clean stop");
            send(kernel, WatchdogProtocol.KICK);
            assertEquals(KickSocket.KICKED, listen(kicks));
            send(kernel, WatchdogProtocol.CLEAN_STOP);
            assertEquals(KickSocket.CLEAN_STOP, listen(kicks));
        }
    }

    @Test
    void aSecondConnectionCannotKickAndIsClosed() throws Exception {
        try (KickSocket kicks = bind(); SocketChannel kernel = connect(kicks)) {
            listen(kicks); // the kernel's connection is the one accepted
            try (SocketChannel other = connect(kicks)) {
                send(other, WatchdogProtocol.KICK);
                assertEquals(0, listen(kicks), "a second connection cannot vouch for the kernel");
                assertTrue(closed(other), "the supervisor closed it");
            }
            send(kernel, WatchdogProtocol.KICK);
            assertEquals(KickSocket.KICKED, listen(kicks), "the kernel's connection is still heard");
        }
    }

    @Test
    void aNewBootForgetsThePreviousKernelAndWhatItLeftInTheBacklog() throws Exception {
        try (KickSocket kicks = bind(); SocketChannel old = connect(kicks)) {
            listen(kicks);
            try (SocketChannel stale = connect(kicks)) { // connected, not accepted yet
                kicks.newBoot();
                send(old, WatchdogProtocol.KICK);
                send(stale, WatchdogProtocol.KICK);
                assertEquals(0, listen(kicks), "neither the old kernel nor its leftover connection kicks the new boot");
                try (SocketChannel fresh = connect(kicks)) {
                    send(fresh, WatchdogProtocol.KICK);
                    assertEquals(KickSocket.KICKED, listen(kicks), "the new kernel's connection is heard");
                }
            }
        }
    }

    @Test
    void aKernelThatClosedItsConnectionIsHeardWhenItConnectsAgain() throws Exception {
        try (KickSocket kicks = bind()) {
            try (SocketChannel first = connect(kicks)) {
                send(first, WatchdogProtocol.KICK);
                assertEquals(KickSocket.KICKED, listen(kicks));
            }
            assertEquals(0, listen(kicks), "the end of a connection is no event");
            try (SocketChannel again = connect(kicks)) {
                send(again, WatchdogProtocol.KICK);
                assertEquals(KickSocket.KICKED, listen(kicks));
            }
        }
    }
}

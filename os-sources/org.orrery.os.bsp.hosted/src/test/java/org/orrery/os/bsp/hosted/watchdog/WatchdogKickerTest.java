// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel side against a plain socket server standing in for the supervisor. */
class WatchdogKickerTest {
    @TempDir
    Path dir;

    private ServerSocketChannel server(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }

    @Test
    void kickNeverBlocksWhenTheSupervisorStopsReading() throws Exception {
        Path socket = dir.resolve("kick.sock");
        int kicks = 200_000;
        try (ServerSocketChannel server = server(socket); WatchdogKicker kicker = WatchdogKicker.connect(socket);
                SocketChannel unread = server.accept()) {
            long[] nanos = new long[kicks];
            // a blocking write would hang here for good once the buffer is full: the timeout is the real check
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < kicks; i++) {
                    long t = System.nanoTime();
                    kicker.kick();
                    nanos[i] = System.nanoTime() - t;
                }
            });
            Arrays.sort(nanos);
            System.out.printf("%d kicks into an unread socket: %d delivered, %d dropped; per kick p50 %.1f us, "
                    + "p99 %.1f us, max %.1f us%n", kicks, kicker.delivered(), kicker.dropped(),
                    nanos[kicks / 2] / 1e3, nanos[kicks / 100 * 99] / 1e3, nanos[kicks - 1] / 1e3);
            assertTrue(kicker.dropped() > 0, "the buffer filled up and later kicks were dropped");
            assertTrue(kicker.delivered() > 0);
            assertEquals(kicks, kicker.delivered() + kicker.dropped());
            assertFalse(kicker.supervisorLost());
        }
    }

    @Test
    void closeTellsTheSupervisorItIsACleanStop() throws Exception {
        Path socket = dir.resolve("kick.sock");
        try (ServerSocketChannel server = server(socket)) {
            WatchdogKicker kicker = WatchdogKicker
                    .fromEnvironment(Map.of(WatchdogProtocol.SOCKET_ENV, socket.toString())).orElseThrow();
            try (SocketChannel supervisor = server.accept()) {
                assertTrue(kicker.kick());
                assertTrue(kicker.kick());
                kicker.close();
                assertFalse(kicker.kick(), "a closed kicker kicks no more");
                InputStream in = Channels.newInputStream(supervisor);
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                in.transferTo(got); // until the kicker's end is closed
                assertEquals("KKV", got.toString());
            }
        }
    }

    @Test
    void kickAfterTheSupervisorIsGoneReportsItWithoutThrowing() throws Exception {
        Path socket = dir.resolve("kick.sock");
        try (ServerSocketChannel server = server(socket); WatchdogKicker kicker = WatchdogKicker.connect(socket)) {
            server.accept().close();
            boolean delivered = true;
            for (int i = 0; i < 10 && delivered; i++) {
                delivered = kicker.kick(); // the first write after the peer closed may still be accepted
            }
            assertFalse(delivered);
            assertTrue(kicker.supervisorLost());
        }
    }

    @Test
    void noVariableMeansNoWatchdogAndABadOneIsOneLine() throws IOException {
        assertTrue(WatchdogKicker.fromEnvironment(Map.of()).isEmpty());
        Path missing = dir.resolve("nobody-listens.sock");
        IOException e = assertThrows(IOException.class,
                () -> WatchdogKicker.fromEnvironment(Map.of(WatchdogProtocol.SOCKET_ENV, missing.toString())));
        assertTrue(e.getMessage().startsWith("ORRERY_WATCHDOG=" + missing + ": cannot connect to the board watchdog ("),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}

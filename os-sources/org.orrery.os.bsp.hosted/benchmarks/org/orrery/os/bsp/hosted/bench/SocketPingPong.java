// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The baseline of {@link CallBenchmark}: a 32-byte request and its 32-byte answer between this JVM and a child JVM over a
 * Unix socket, each side one thread with blocking streams (as the board's wire), timed around the round trip.
 */
public final class SocketPingPong {
    private static final int WARM_UP = 5_000;

    private SocketPingPong() {
    }

    /** p50, p99, max in us over {@code rounds} round trips. */
    static double[] measure(Path benchClasses, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("orrery-ping");
        Path socket = dir.resolve("ping.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    benchClasses.toString(), SocketPingPong.class.getName(), socket.toString()).inheritIO().start();
            try (SocketChannel ch = server.accept()) {
                DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
                byte[] b = new byte[32];
                long[] samples = new long[rounds];
                for (int i = -WARM_UP; i < rounds; i++) {
                    long t = System.nanoTime();
                    out.write(b);
                    in.readFully(b);
                    if (i >= 0) {
                        samples[i] = System.nanoTime() - t;
                    }
                }
                out.write(new byte[] {1});
                Arrays.sort(samples);
                return new double[] {samples[rounds / 2] / 1e3, samples[rounds * 99 / 100] / 1e3, samples[rounds - 1] / 1e3};
            } finally {
                child.waitFor();
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    /** The child: echoes 32-byte requests until a single byte arrives. */
    public static void main(String[] args) throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])))) {
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
            byte[] b = new byte[32];
            while (true) {
                int first = in.read(b, 0, 1);
                if (first < 0) {
                    return;
                }
                try {
                    in.readFully(b, 1, 31);
                } catch (java.io.EOFException e) {
                    return;
                }
                out.write(b);
            }
        }
    }
}

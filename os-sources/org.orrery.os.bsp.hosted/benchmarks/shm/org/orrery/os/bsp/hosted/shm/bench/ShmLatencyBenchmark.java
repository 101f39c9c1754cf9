// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.orrery.os.bsp.hosted.shm.PortRegion;
import org.orrery.os.bsp.hosted.shm.RegionSpec;
import org.orrery.os.bsp.hosted.shm.SamplingSlot;
import org.orrery.os.bsp.hosted.shm.ShmFolder;

/**
 * Write→read latency of a sampling port between two processes, and of the same hand-off through a Unix domain
 * socket between the same two processes (the baselines).
 *
 * <p>This process is the writer; it starts the reader as a second JVM. For each message the writer stamps
 * {@link System#nanoTime()} (CLOCK_MONOTONIC, one clock for both processes) into the message, the reader polls
 * until it sees it and records now − stamp, then acknowledges; the writer sends the next message only after the
 * acknowledgement, so every message meets an idle reader and the figure is one hand-off, not queueing. The
 * reader prints the distribution.
 *
 * <pre>
 *   shm          SamplingSlot write → reader polls latest() and reads; ack through a second slot
 *   uds-block    blocking SocketChannel write → blocking read (the reader sleeps in the kernel)
 *   uds-spin     non-blocking SocketChannel, both sides spin on read (no sleep, the socket path alone)
 * </pre>
 */
public final class ShmLatencyBenchmark {
    private static final int WARMUP = 20_000;

    private ShmLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--reader")) {
            reader(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            return;
        }
        int messages = 100_000;
        int size = 64;
        List<String> modes = List.of("shm", "uds-block", "uds-spin");
        String readerCpu = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--modes" -> modes = List.of(args[++i].split(","));
                case "--reader-cpu" -> readerCpu = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--messages N, --size BYTES, --modes shm,uds-block,uds-spin, --reader-cpu N)");
            }
        }
        System.out.printf("write->read latency across two processes: %d messages of %d bytes (+%d warm-up), "
                + "%d CPUs, load average %s%n", messages, size, WARMUP, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%-10s %9s %9s %9s %9s %9s%n", "mode", "p50 us", "p99 us", "p99.9 us", "max us", "mean us");
        List<String[]> rows = new ArrayList<>();
        for (String mode : modes) {
            String[] r = run(mode, messages, size, readerCpu);
            rows.add(r);
            System.out.printf("%-10s %9s %9s %9s %9s %9s%n", (Object[]) r);
        }
        String[] shm = rows.stream().filter(r -> r[0].equals("shm")).findFirst().orElse(null);
        if (shm != null) {
            double p99 = Double.parseDouble(shm[2]);
            System.out.printf("goal shm p99 <= 5 us: %s (%.2f us)%n", p99 <= 5 ? "met" : "NOT met", p99);
            for (String[] r : rows) {
                if (r != shm) {
                    System.out.printf("%s / shm: p50 %.1fx, p99 %.1fx%n", r[0],
                            Double.parseDouble(r[1]) / Double.parseDouble(shm[1]),
                            Double.parseDouble(r[2]) / Double.parseDouble(shm[2]));
                }
            }
        }
    }

    /** Writer side of one mode; returns the reader's figures. */
    private static String[] run(String mode, int messages, int size, String readerCpu) throws Exception {
        String board = "bench-" + ProcessHandle.current().pid();
        Path tmp = Files.createTempDirectory("shm-bench-");
        Path socket = tmp.resolve("bench.sock");
        try (ShmFolder folder = ShmFolder.create(ShmFolder.DEV_SHM, board)) {
            PortRegion data = PortRegion.create(folder.sampling("data"), RegionSpec.sampling(size));
            PortRegion ack = PortRegion.create(folder.sampling("ack"), RegionSpec.sampling(8));
            ServerSocketChannel server = mode.startsWith("uds") ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                    .bind(UnixDomainSocketAddress.of(socket)) : null;
            Process reader = startReader(mode, board, messages, size, socket, readerCpu);
            try {
                int total = WARMUP + messages;
                if (server != null) {
                    try (SocketChannel ch = server.accept()) {
                        udsWriter(ch, mode.equals("uds-spin"), total, size);
                    }
                } else {
                    shmWriter(SamplingSlot.writer(data), SamplingSlot.reader(ack), total, size);
                }
                String result = new String(reader.getInputStream().readAllBytes()).trim();
                if (reader.waitFor() != 0 || !result.startsWith("RESULT ")) {
                    throw new IOException("reader failed: " + result);
                }
                String[] f = result.substring("RESULT ".length()).split(" ");
                return new String[] {mode, f[0], f[1], f[2], f[3], f[4]};
            } finally {
                reader.destroyForcibly();
                data.close();
                ack.close();
                if (server != null) {
                    server.close();
                }
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.delete(tmp);
        }
    }

    private static Process startReader(String mode, String board, int messages, int size, Path socket,
            String readerCpu) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (readerCpu != null) {
            cmd.addAll(List.of("taskset", "-c", readerCpu));
        }
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ShmLatencyBenchmark.class.getName(),
                "--reader", mode, board, "" + messages, "" + size, socket.toString()));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void shmWriter(SamplingSlot data, SamplingSlot ack, int total, int size) {
        byte[] msg = new byte[size];
        for (int i = 1; i <= total; i++) {
            msg[0] = (byte) i;
            data.write(msg, size, System.nanoTime());
            while (ack.latest() < i) {
                Thread.onSpinWait();
            }
        }
    }

    private static void udsWriter(SocketChannel ch, boolean spin, int total, int size) throws IOException {
        ch.configureBlocking(!spin);
        ByteBuffer msg = ByteBuffer.allocateDirect(size);
        ByteBuffer ack = ByteBuffer.allocateDirect(1);
        for (int i = 1; i <= total; i++) {
            msg.clear();
            msg.putLong(0, System.nanoTime());
            while (msg.hasRemaining()) {
                ch.write(msg);
            }
            ack.clear();
            while (ack.hasRemaining()) {
                if (ch.read(ack) < 0) {
                    throw new IOException("reader closed the socket");
                }
            }
        }
    }

    /** Reader process: receives, measures, acknowledges; prints "RESULT p50 p99 p99.9 max mean" in µs. */
    private static void reader(String mode, String board, int messages, int size, Path socket) throws Exception {
        int total = WARMUP + messages;
        long[] lat = new long[messages];
        if (mode.equals("shm")) {
            ShmFolder folder = ShmFolder.open(ShmFolder.DEV_SHM, board);
            try (PortRegion d = PortRegion.openReadOnly(folder.sampling("data"), RegionSpec.sampling(size));
                    PortRegion a = PortRegion.openReadWrite(folder.sampling("ack"), RegionSpec.sampling(8))) {
                SamplingSlot data = SamplingSlot.reader(d);
                SamplingSlot ack = SamplingSlot.writer(a);
                byte[] buf = new byte[size];
                byte[] one = new byte[1];
                for (int i = 1; i <= total; i++) {
                    while (data.latest() < i) {
                        Thread.onSpinWait();
                    }
                    if (data.read(buf) != size) {
                        throw new IllegalStateException("message " + i + " not read");
                    }
                    long now = System.nanoTime();
                    if (i > WARMUP) {
                        lat[i - WARMUP - 1] = now - data.timestampNs();
                    }
                    ack.write(one, 1, now);
                }
            }
        } else {
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                ch.configureBlocking(!mode.equals("uds-spin"));
                ByteBuffer msg = ByteBuffer.allocateDirect(size);
                ByteBuffer ack = ByteBuffer.allocateDirect(1);
                for (int i = 1; i <= total; i++) {
                    msg.clear();
                    while (msg.hasRemaining()) {
                        if (ch.read(msg) < 0) {
                            throw new IOException("writer closed the socket");
                        }
                    }
                    long now = System.nanoTime();
                    if (i > WARMUP) {
                        lat[i - WARMUP - 1] = now - msg.getLong(0);
                    }
                    ack.clear();
                    while (ack.hasRemaining()) {
                        ch.write(ack);
                    }
                }
            }
        }
        Arrays.sort(lat);
        double mean = Arrays.stream(lat).average().orElse(0);
        System.out.printf("RESULT %.2f %.2f %.2f %.2f %.2f%n", lat[messages / 2] / 1e3, lat[(int) (messages * 0.99)] / 1e3,
                lat[(int) (messages * 0.999)] / 1e3, lat[messages - 1] / 1e3, mean / 1e3);
    }
}

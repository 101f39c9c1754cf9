// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.Verdict;

/**
 * A real {@code SlotBoard} (simulated board) whose one partition {@code partition} is debugged through the JDWP port
 * of a JVM on loopback (a {@link Debuggee}), where a hosted board would reach its partition JVM's JDWP through the
 * partition's relay socket. Every other request, and the debugging of any other partition, is the simulated board's
 * own (so its refusal is the real one).
 *
 * <p>Like the hosted board's relay, it waits a while for JDWP to listen: after a debugger detaches, the JDWP agent
 * listens again only a moment later (here on a new port, read from the debuggee's port file at each try).
 */
final class JdwpBoard implements BoardControl {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BoardControl board;
    private final String partition;
    private final Path jdwpPortFile;

    JdwpBoard(BoardControl board, String partition, Path jdwpPortFile) {
        this.board = board;
        this.partition = partition;
        this.jdwpPortFile = jdwpPortFile;
    }

    @Override
    public ByteChannel openDebug(String name) throws Refusal {
        if (!name.equals(partition)) {
            return board.openDebug(name);
        }
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            try {
                int port = Integer.parseInt(Files.readString(jdwpPortFile).strip());
                return SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException | NumberFormatException e) {
                if (System.nanoTime() > deadline) {
                    throw new Refusal("io", "cannot reach partition " + name + "'s debugger: " + e.getMessage());
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refusal("io", "interrupted while reaching partition " + name + "'s debugger");
            }
        }
    }

    @Override
    public BoardStatus status() {
        return board.status();
    }

    @Override
    public long beginUpload(String sha256, long size) throws Refusal {
        return board.beginUpload(sha256, size);
    }

    @Override
    public void writeChunk(String sha256, long offset, byte[] data) throws Refusal {
        board.writeChunk(sha256, offset, data);
    }

    @Override
    public SlotInfo install(String sha256, boolean allowDowngrade, String requestedBy) throws Refusal {
        return board.install(sha256, allowDowngrade, requestedBy);
    }

    @Override
    public Verdict awaitVerdict(String sha256, Duration timeout) throws InterruptedException {
        return board.awaitVerdict(sha256, timeout);
    }

    @Override
    public AutoCloseable subscribe(Consumer<BoardEvent> listener) {
        return board.subscribe(listener);
    }

    @Override
    public void close() {
        board.close();
    }
}

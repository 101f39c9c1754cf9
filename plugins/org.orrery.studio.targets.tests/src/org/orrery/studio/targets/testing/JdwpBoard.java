// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
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
 */
final class JdwpBoard implements BoardControl {

    private final BoardControl board;
    private final String partition;
    private final int jdwpPort;

    JdwpBoard(BoardControl board, String partition, int jdwpPort) {
        this.board = board;
        this.partition = partition;
        this.jdwpPort = jdwpPort;
    }

    @Override
    public ByteChannel openDebug(String name) throws Refusal {
        if (!name.equals(partition)) {
            return board.openDebug(name);
        }
        try {
            return SocketChannel.open(new InetSocketAddress("127.0.0.1", jdwpPort));
        } catch (IOException e) {
            throw new Refusal("io", "cannot reach partition " + name + "'s debugger: " + e.getMessage());
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

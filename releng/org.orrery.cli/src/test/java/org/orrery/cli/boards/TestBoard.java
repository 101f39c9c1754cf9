// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;

/** A board for the CLI's tests: keeps one upload in memory and ends trials as the test says (transport only). */
final class TestBoard implements BoardControl {

    private final ByteArrayOutputStream upload = new ByteArrayOutputStream();
    private String uploading;
    final List<Consumer<BoardEvent>> listeners = new CopyOnWriteArrayList<>();
    volatile Verdict verdict = new Verdict(Verdict.Outcome.CONFIRMED, "3 healthy major frames");
    volatile Refusal refusal;
    volatile ImageId running = new ImageId("demo", "1.0.0", "ab".repeat(32), 1);

    @Override
    public BoardStatus status() {
        return new BoardStatus("sim", "a", running, List.of(new SlotInfo("a", SlotState.GOOD, running, true),
                new SlotInfo("b", SlotState.EMPTY, null, false)), 1);
    }

    @Override
    public synchronized long beginUpload(String sha256, long size) {
        if (!sha256.equals(uploading)) {
            uploading = sha256;
            upload.reset();
        }
        return upload.size();
    }

    @Override
    public synchronized void writeChunk(String sha256, long offset, byte[] data) throws Refusal {
        if (!sha256.equals(uploading) || offset != upload.size()) {
            throw new Refusal("bad-offset", "chunk at " + offset + " but the upload ends at " + upload.size());
        }
        upload.writeBytes(data);
    }

    @Override
    public SlotInfo install(String sha256, boolean allowDowngrade, String requestedBy) throws Refusal {
        if (refusal != null) {
            throw refusal;
        }
        return new SlotInfo("b", SlotState.TRIAL, new ImageId("demo", "1.1.0", sha256, 1), true);
    }

    @Override
    public Verdict awaitVerdict(String sha256, Duration timeout) {
        return verdict;
    }

    @Override
    public AutoCloseable subscribe(Consumer<BoardEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.TraceFollower;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.slots.internal.BoardProcess;
import org.orrery.os.agent.slots.internal.ChildLine;
import org.orrery.os.agent.slots.internal.DebugSockets;
import org.orrery.os.agent.slots.internal.EventHub;
import org.orrery.os.agent.slots.internal.ImageCheck;
import org.orrery.os.agent.slots.internal.SlotStore;
import org.orrery.os.agent.slots.internal.SlotStore.Selection;
import org.orrery.os.agent.slots.internal.SlotStore.Slot;
import org.orrery.os.agent.slots.internal.Staging;
import org.orrery.os.agent.slots.internal.TraceRing;
import org.orrery.os.agent.slots.internal.TraceTail;
import org.orrery.os.agent.slots.internal.Trial;
import org.orrery.os.image.KernelClassPath;
import org.orrery.os.kernel.OperatorDesk;

/**
 * The bootloader's side of the agent on a directory of slots (see {@link SlotStore} for the layout): verified
 * installs into the inactive slot, an atomic switch into a trial, confirmation after healthy major frames or a
 * rollback to the previous good slot, and at power on the MCUboot rule "a trial not confirmed is reverted".
 * Each booted image runs in a child JVM ({@link BoardProcess}), so an image cannot take the agent down.
 *
 * <p>Everything the board reports about slots is read from disk; the only state kept in memory is what runs
 * (the child) and the trial being counted.
 */
public final class SlotBoard implements BoardControl {

    private static final long MAX_BACKOFF_MS = 30_000;
    /** A running kernel applies operator commands at its next step, well within this on any board. */
    private static final long CONTROL_TIMEOUT_MS = 10_000;

    private final Path dir;
    private final SlotBoardOptions options;
    private final SlotStore store;
    private final Staging staging;
    private final ImageCheck check;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final EventHub hub = new EventHub();
    /** Followers of the running image's live trace; told when the board process goes. */
    private final java.util.Set<TraceTail> tails = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Runs child reports in order, away from the pipe readers, and the back-off and trial timers. */
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slot-board");
        t.setDaemon(true);
        return t;
    });
    private BoardProcess child;
    private String bootedSlot;
    private ImageId running;
    private Trial trial;
    private String lastWords = "";
    private long backoffMs = 1_000;
    private int healthySinceBoot;
    private boolean closed;

    private final DebugSockets debug;

    private SlotBoard(Path dir, SlotBoardOptions options) throws IOException {
        this.dir = dir;
        this.options = options;
        this.store = new SlotStore(dir);
        this.staging = new Staging(dir, options.maxImageBytes());
        this.check = new ImageCheck(dir);
        this.debug = options.board().equals("hosted") ? DebugSockets.create() : null;
    }

    /**
     * Power on: repairs what a cut left half done, reverts a trial that was not confirmed, and boots the
     * selected slot. A board with nothing bootable still opens (a flash repairs it).
     */
    public static SlotBoard open(Path dir, SlotBoardOptions options) throws IOException {
        return open(dir, options, null);
    }

    /**
     * As {@link #open(Path, SlotBoardOptions)}, with {@code listener} subscribed before power on: it also hears
     * what power on did (repairs, a reverted trial) and the boot, which can come before a later subscriber is in.
     */
    public static SlotBoard open(Path dir, SlotBoardOptions options, Consumer<BoardEvent> listener) throws IOException {
        // The boot child runs inside the slot directory: paths handed to it must not depend on our working directory.
        Path absolute = dir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        SlotBoard b = new SlotBoard(absolute, options);
        if (listener != null) {
            b.hub.subscribe(listener);
        }
        b.lock.lock();
        try {
            for (String repair : b.store.recover()) {
                b.emit(repair);
            }
            Selection sel = b.store.selection();
            if (sel.trial()) {
                b.revert(sel, "the board stopped during the trial (power loss or agent restart) before the image confirmed itself");
            }
            b.bootSelected();
        } finally {
            b.lock.unlock();
        }
        return b;
    }

    @Override
    public BoardStatus status() {
        lock.lock();
        try {
            return new BoardStatus(options.board(), bootedSlot, running, store.infos(), store.counter());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(dir + ": cannot read the slots: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long beginUpload(String sha256, long size) throws Refusal {
        lock.lock();
        try {
            return staging.begin(sha256, size);
        } catch (IOException e) {
            throw io(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void writeChunk(String sha256, long offset, byte[] data) throws Refusal {
        lock.lock();
        try {
            staging.write(sha256, offset, data);
        } catch (IOException e) {
            throw io(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SlotInfo install(String sha256, boolean allowDowngrade, String requestedBy) throws Refusal {
        try {
            if (!lock.tryLock(2, TimeUnit.SECONDS)) {
                throw new Refusal("busy", "the board is busy with another request; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal("busy", "interrupted while waiting for the board");
        }
        try {
            if (trial != null) {
                throw new Refusal("busy", "image " + trial.sha256().substring(0, 12) + "... is on trial in slot "
                        + trial.slot() + "; wait for its verdict");
            }
            Path staged = staging.complete(sha256);
            ImageCheck.Verified v;
            try {
                v = check.verify(staged, sha256);
            } catch (Refusal r) {
                if (!r.code().equals("io")) {
                    // Not this image (or not one at all): a retry must send the bytes again, not resume these.
                    staging.discard();
                }
                throw r;
            }
            long stored = store.counter();
            if (v.id().securityCounter() < stored) {
                if (!allowDowngrade) {
                    throw new Refusal("downgrade", "image security counter " + v.id().securityCounter()
                            + " is below the board's " + stored + "; a downgrade needs an explicit override");
                }
                emit("downgrade to security counter " + v.id().securityCounter() + " (board has " + stored
                        + ") allowed by " + requestedBy);
            }
            Selection sel = store.selection();
            String target = sel.selected() == null ? SlotStore.SLOTS.get(0) : SlotStore.other(sel.selected());
            String previous = sel.selected() != null && store.slot(sel.selected()).state() == SlotState.GOOD ? sel.selected() : null;
            store.install(target, staged, v.id(), previous);
            staging.discard();
            emit("slot " + target + " holds " + describe(v.id()) + " on trial (requested by " + requestedBy + ")");
            bootSelected();
            changed.signalAll();
            return new SlotInfo(target, SlotState.TRIAL, v.id(), true);
        } catch (IOException e) {
            throw io(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Verdict awaitVerdict(String sha256, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        // A client may ask for any wait the wire carries (up to 2^63 ms): past 2^63 ns it is a wait for the verdict.
        long wait = timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Verdict v = store.verdict(sha256);
                long left = wait - (System.nanoTime() - start);
                if (v.outcome() != Verdict.Outcome.PENDING || left <= 0) {
                    return v;
                }
                changed.awaitNanos(left);
            }
        } catch (IOException e) {
            return new Verdict(Verdict.Outcome.PENDING, "cannot read the slots: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ByteChannel openDebug(String partition) throws Refusal {
        if (debug == null) {
            throw new Refusal("unsupported",
                    "the simulated board starts its partitions without a debug transport; debug needs --board hosted");
        }
        lock.lock();
        try {
            if (child == null) {
                throw new Refusal("no-partition", "board " + options.board() + " runs no image; nothing to debug");
            }
        } finally {
            lock.unlock();
        }
        return debug.connect(partition);
    }

    @Override
    public String control(String action, String target, String requestedBy) throws Refusal, InterruptedException {
        String word;
        try {
            word = OperatorDesk.Action.ofWord(action).word();
        } catch (IllegalArgumentException e) {
            throw new Refusal("bad-request", e.getMessage());
        }
        if (target.isEmpty()) {
            throw new Refusal("bad-request", word + " needs a partition or plan name; the name given is empty");
        }
        if (target.chars().anyMatch(Character::isWhitespace)) {
            throw new Refusal("bad-request", "a partition or plan name has no spaces: '" + target + "'");
        }
        java.util.concurrent.CompletableFuture<String> reply;
        lock.lock();
        try {
            if (child == null) {
                throw new Refusal("not-running", "no image runs on this board (flash one first)");
            }
            if (trial != null) {
                // a stopped partition fails the trial's frames: the image would roll back for the operator's act
                throw new Refusal("busy", "image " + trial.sha256().substring(0, 12) + "... is on trial in slot "
                        + trial.slot() + "; operate the board once it is confirmed");
            }
            reply = child.command(word, target, requestedBy);
        } finally {
            lock.unlock();
        }
        try {
            return reply.get(CONTROL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Refusal r) {
                throw r;
            }
            throw new Refusal("io", "the board process failed: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new Refusal("busy", "the running system did not answer " + word + " " + target + " within "
                    + CONTROL_TIMEOUT_MS + " ms");
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<BoardEvent> listener) {
        return hub.subscribe(listener);
    }

    @Override
    public AutoCloseable followTrace(TraceFollower follower) throws Refusal {
        lock.lock();
        try {
            if (child == null || closed) {
                throw new Refusal("not-running", "board " + options.board() + " runs no image: there is no trace to follow");
            }
            TraceTail t = TraceTail.start(dir.resolve(TraceRing.DIR), follower, tails::remove);
            tails.add(t);
            return t;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            stopChild();
        } finally {
            lock.unlock();
        }
        events.shutdownNow();
        if (debug != null) {
            debug.close();
        }
    }

    // --- booting (all under the lock) ---

    /** Boots what the selection names, after checking its image again; falls back to the other good slot. */
    private void bootSelected() throws IOException {
        stopChild();
        Selection sel = store.selection();
        if (sel.selected() == null) {
            emit("no slot is selected: nothing to boot (flash an image)");
            return;
        }
        Slot slot = store.slot(sel.selected());
        boolean bootable = slot.state() == SlotState.GOOD || (slot.state() == SlotState.TRIAL && sel.trial());
        if (!bootable) {
            emit("slot " + slot.name() + " is " + slot.state() + ": nothing to boot (flash an image)");
            return;
        }
        ImageCheck.Verified v;
        try {
            // the slot's state names the image by its digest: verification checks the file is still that image
            v = check.verify(store.imageFile(slot.name()), slot.image().sha256());
        } catch (Refusal r) {
            if (sel.trial()) {
                revert(sel, "the image failed its check at boot: " + r.getMessage());
            } else {
                store.writeSlot(slot.as(SlotState.BAD, "failed its check at boot: " + r.getMessage()));
                emit("slot " + slot.name() + " marked BAD: " + r.getMessage());
                Slot other = store.slot(SlotStore.other(slot.name()));
                String refused = fallbackRefused(other);
                store.select(refused == null ? new Selection(other.name(), false, null) : Selection.NONE);
                if (refused != null && other.state() == SlotState.GOOD) {
                    emit("slot " + other.name() + " not booted in its place: " + refused);
                }
            }
            bootSelected();
            return;
        }
        if (sel.trial()) {
            trial = new Trial(slot.image().sha256(), slot.name(), options.confirmFrames(), options.trialFrameLimit());
            Trial started = trial;
            events.schedule(() -> timeout(started), options.trialTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        lastWords = "";
        healthySinceBoot = 0;
        java.util.Map<String, Path> kernel = new java.util.LinkedHashMap<>();
        try {
            for (Path jar : KernelClassPath.extract(dir.resolve("run").resolve("kernel"), v.kernelModules())) {
                kernel.put(jar.getFileName().toString().replaceFirst("\\.jar$", ""), jar);
            }
        } catch (IOException e) {
            emit("slot " + slot.name() + ": cannot unpack the image's kernel (" + e.getMessage() + "); not booted");
            return;
        }
        // a follower must never read the previous boot's trace as this one's
        TraceRing.clear(dir.resolve(TraceRing.DIR));
        java.util.List<String> jvm = options.childJvmOptions();
        if (debug != null) {
            jvm = debug.prepare(jvm);
        }
        child = BoardProcess.start(store.imageFile(slot.name()), v.signerKey(), options.board(), jvm,
                dir, kernel, new BoardProcess.Listener() {
                    @Override
                    public void line(BoardProcess from, ChildLine line) {
                        later(() -> onLine(from, line));
                    }

                    @Override
                    public void exited(BoardProcess from, int status, boolean asked) {
                        later(() -> onExit(from, status, asked));
                    }
                });
        bootedSlot = slot.name();
        running = slot.image();
        emit("slot " + slot.name() + " booting " + describe(slot.image()) + (sel.trial() ? " (trial)" : ""));
    }

    /**
     * Why the board may not fall back to {@code other} when the selected slot failed its check at boot (null: it may).
     * Nobody asked for that boot, so no downgrade override covers it: an image below the stored security counter (the
     * older image a confirmed update superseded) stays unbooted, or corrupting the newer one would roll the board back.
     */
    private String fallbackRefused(Slot other) throws IOException {
        if (other.state() != SlotState.GOOD) {
            return "it is " + other.state();
        }
        long stored = store.counter();
        if (other.image().securityCounter() < stored) {
            return describe(other.image()) + " is below the board's security counter " + stored
                    + " (flash an image; an older one needs the downgrade override)";
        }
        return null;
    }

    private void stopChild() {
        if (child != null) {
            BoardProcess c = child;
            child = null;
            bootedSlot = null;
            running = null;
            trial = null;
            c.close();
            endTraces("the board process stopped (a new image, a rollback or the agent stopping)");
            emit("board process " + c.pid() + " stopped");
        }
    }

    /** The trial of {@code sel} failed: its slot is BAD, the previous good slot is selected again. */
    private void revert(Selection sel, String reason) throws IOException {
        String back = store.revert(sel, reason);
        emit("slot " + sel.selected() + " rolled back: " + reason
                + (back != null ? "; slot " + back + " selected again" : "; no good slot to go back to"));
        changed.signalAll();
    }

    private void confirm() throws IOException {
        String slot = trial.slot();
        long took = trial.elapsedMillis();
        trial = null;
        store.confirm();
        emit("slot " + slot + " confirmed good after " + options.confirmFrames() + " healthy major frames ("
                + took + " ms); security counter " + store.counter());
        changed.signalAll();
    }

    private void rollBack(String reason) {
        Selection sel;
        try {
            sel = store.selection();
            stopChild();
            revert(sel, reason);
            bootSelected();
        } catch (IOException e) {
            emit("rollback failed: " + e.getMessage());
        }
    }

    // --- what the child reports (on the events thread) ---

    private void onLine(BoardProcess from, ChildLine line) {
        lock.lock();
        try {
            if (from != child || closed) {
                return;
            }
            switch (line.kind()) {
                case "frame" -> onFrame(line);
                case "mode" -> publish(BoardEvent.Kind.MODE, line.rest());
                case "hm" -> publish(BoardEvent.Kind.HM, line.rest());
                case "console" -> publish(BoardEvent.Kind.CONSOLE, line.rest());
                case "cpu" -> publish(BoardEvent.Kind.CPU, line.rest());
                case "plan" -> publish(BoardEvent.Kind.PLAN, line.rest());
                case "booted" -> emit("slot " + bootedSlot + " booted " + line.rest());
                case "ended", "error" -> {
                    lastWords = line.rest();
                    emit("slot " + bootedSlot + ": " + line.rest());
                }
                default -> {
                }
            }
        } catch (IOException e) {
            emit("cannot update the slots: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private void onFrame(ChildLine line) throws IOException {
        if (line.starting()) {
            return; // a partition JVM still loading: bounded by the trial timeout, not by frames
        }
        if (line.healthy() && ++healthySinceBoot >= options.confirmFrames()) {
            backoffMs = 1_000;
        }
        if (trial == null) {
            return;
        }
        switch (trial.frame(line.healthy(), line.why())) {
            case PASSED -> confirm();
            case FAILED -> rollBack(trial.failure());
            default -> {
            }
        }
    }

    private void onExit(BoardProcess from, int status, boolean asked) {
        lock.lock();
        try {
            if (from != child || asked || closed) {
                return;
            }
            String how = "board process ended (exit " + status + (lastWords.isEmpty() ? "" : ": " + lastWords) + ")";
            endTraces(how);
            if (trial != null) {
                rollBack(how + " during the trial");
                return;
            }
            child = null;
            bootedSlot = null;
            running = null;
            long wait = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            emit(how + "; watchdog reset: booting the selected slot again in " + wait + " ms");
            events.schedule(this::watchdogReset, wait, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    private void watchdogReset() {
        lock.lock();
        try {
            if (!closed && child == null) {
                bootSelected();
            }
        } catch (IOException e) {
            emit("watchdog reset failed: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private void timeout(Trial t) {
        lock.lock();
        try {
            if (trial == t && !closed) {
                rollBack("not confirmed within " + options.trialTimeout().toMillis() + " ms");
            }
        } finally {
            lock.unlock();
        }
    }

    private void endTraces(String reason) {
        for (TraceTail t : tails) {
            t.boardStopped(reason);
        }
    }

    // --- events ---

    private void later(Runnable r) {
        try {
            events.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the board is closed: what a stopping child still says no longer matters
        }
    }

    private void emit(String text) {
        publish(BoardEvent.Kind.SLOT, text);
    }

    private void publish(BoardEvent.Kind kind, String text) {
        hub.publish(kind, text);
    }

    private static String describe(ImageId id) {
        return id.system() + " " + id.version() + " (counter " + id.securityCounter() + ", " + id.sha256().substring(0, 12) + "...)";
    }

    private Refusal io(IOException e) {
        return new Refusal("io", dir + ": " + e.getMessage());
    }
}

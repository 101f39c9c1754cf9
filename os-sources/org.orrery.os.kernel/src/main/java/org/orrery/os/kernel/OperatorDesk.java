// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.orrery.os.api.PartitionMode;

/**
 * The operator's entry to a running kernel: start, stop or restart a partition, switch plan. Any thread may
 * {@link #submit} a request; it is only queued here, and the engine checks and applies it at its next step
 * under the kernel lock (never from the submitting thread into kernel state). The kernel also leaves here how
 * much of each partition's last window its processes used, for a monitor to read.
 */
public final class OperatorDesk {

    /** What the operator asks for; the target is a partition name, or a plan name for {@link #SWITCH_PLAN}. */
    public enum Action {
        /** an IDLE partition cold starts (its initialisation then sets NORMAL, as after an HM cold start) */
        START,
        /** the partition goes IDLE: every process stops, its windows stay empty */
        STOP,
        /** the partition cold starts, whatever its mode */
        RESTART,
        /** the module switches plan at the end of each core's major frame (as the HM SWITCH_PLAN action) */
        SWITCH_PLAN;

        /** The word the command channels use: {@code start}, {@code stop}, {@code restart}, {@code switch-plan}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Action ofWord(String word) {
            for (Action a : values()) {
                if (a.word().equals(word)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown action '" + word + "' (start, stop, restart, switch-plan)");
        }
    }

    /** The kernel's answer: done (with what it did) or refused (with why, one line naming the partition or plan). */
    public record Outcome(boolean done, String text) {
    }

    /**
     * How long a partition's processes held a core during its last window, against the window's length, and the
     * partition's mode when that window closed.
     */
    public record WindowUse(String partition, long windows, long busyNs, long windowNs, PartitionMode mode) {
    }

    record Request(Action action, String target, String who, CompletableFuture<Outcome> reply) {
    }

    private final ConcurrentLinkedQueue<Request> inbox = new ConcurrentLinkedQueue<>();
    private String[] names = new String[0];
    private long[] windows = new long[0];
    private long[] busy = new long[0];
    private long[] length = new long[0];
    private PartitionMode[] modes = new PartitionMode[0];

    /**
     * Queues a request; the future completes when the engine has checked it (and, if allowed, applied it).
     *
     * @param who who asked, for the console and the trace's reader (e.g. the agent's client name)
     */
    public CompletableFuture<Outcome> submit(Action action, String target, String who) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        CompletableFuture<Outcome> reply = new CompletableFuture<>();
        inbox.add(new Request(action, target, who == null || who.isBlank() ? "operator" : who, reply));
        return reply;
    }

    /** Each partition's last closed window (partitions without a closed window yet are left out). */
    public synchronized List<WindowUse> windowUse() {
        List<WindowUse> out = new ArrayList<>();
        for (int p = 0; p < names.length; p++) {
            if (windows[p] > 0) {
                out.add(new WindowUse(names[p], windows[p], busy[p], length[p], modes[p]));
            }
        }
        return out;
    }

    // --- the kernel's side

    synchronized void bind(String[] partitionNames) {
        names = partitionNames.clone();
        windows = new long[names.length];
        busy = new long[names.length];
        length = new long[names.length];
        modes = new PartitionMode[names.length];
    }

    Request next() {
        return inbox.poll();
    }

    boolean idle() {
        return inbox.isEmpty();
    }

    /** Called at every window end; stores only, allocates nothing. */
    synchronized void windowClosed(int partition, long windowNs, long busyNs, PartitionMode mode) {
        windowCounted(partition, windowNs, mode);
        busy[partition] = busyNs;
    }

    /**
     * A window of a partition with a kernel of its own ended: counted here, its use left as that kernel last reported it
     * ({@link #windowUsed}, a little later).
     */
    synchronized void windowCounted(int partition, long windowNs, PartitionMode mode) {
        windows[partition]++;
        length[partition] = windowNs;
        modes[partition] = mode;
    }

    /** A partition's own kernel's account of its last window. */
    synchronized void windowUsed(int partition, long windowNs, long busyNs) {
        busy[partition] = busyNs;
        length[partition] = windowNs;
    }
}

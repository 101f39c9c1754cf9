// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.nio.channels.ByteChannel;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the agent's protocol asks of the board it runs on: the bootloader's side (slots, verification, trial
 * boot, rollback) behind the server's side (authentication, roles, framing). Every method validates the whole
 * request before it changes anything, so a refused request leaves the slots and the running image untouched.
 */
public interface BoardControl extends AutoCloseable {

    BoardStatus status();

    /**
     * Starts an upload of an image of {@code size} bytes named by its digest {@code sha256} (lower-case hex, as
     * in {@link ImageId}), or resumes the one already begun for the same image.
     *
     * @return the offset the client continues from (0 for a new upload)
     */
    long beginUpload(String sha256, long size) throws Refusal;

    /** Appends bytes at {@code offset}, which must be where the staged upload ends. */
    void writeChunk(String sha256, long offset, byte[] data) throws Refusal;

    /**
     * Verifies the complete upload (length, digest against the announced one, signature against the board's
     * trusted signers, security counter against the one the board stores), writes it to the inactive slot, makes
     * it durable, switches the boot selection to it for a trial and boots it. {@code allowDowngrade} lets a lower
     * security counter through (the caller logs who asked).
     */
    SlotInfo install(String sha256, boolean allowDowngrade, String requestedBy) throws Refusal;

    /**
     * Waits until the trial of the image with this hash ends: confirmed after the configured number of healthy
     * major frames, or rolled back (with the reason), or {@code timeout} passes (then {@code Verdict.pending}).
     */
    Verdict awaitVerdict(String sha256, Duration timeout) throws InterruptedException;

    /**
     * A byte channel to the JDWP agent of {@code partition}'s JVM, for one debugger session; closing it ends the
     * session. The caller (the agent's server) has checked the client's role and that no other session holds the
     * partition.
     */
    default ByteChannel openDebug(String partition) throws Refusal {
        throw new Refusal("unsupported", "this board cannot open a debug tunnel");
    }

    /**
     * Asks the running system to start, stop or restart a partition or to switch plan ({@code action}: {@code start},
     * {@code stop}, {@code restart}, {@code switch-plan}), checked and applied by its kernel at its next step.
     *
     * @return what the board did, one line (e.g. "nav IDLE")
     * @throws Refusal when the board cannot be operated, nothing runs, or the kernel refused (unknown name, ...)
     */
    default String control(String action, String target, String requestedBy) throws Refusal, InterruptedException {
        throw new Refusal("unsupported", "this board cannot start, stop or restart partitions or switch plans");
    }

    /** Board events from now on (partition modes, HM events, slot changes, console lines) until closed. */
    AutoCloseable subscribe(Consumer<BoardEvent> listener);

    /**
     * Streams the running image's CTF trace to {@code follower} from the next complete packet on, until the
     * returned handle is closed (the follower then gets its last packets and {@code ended}) or the board stops.
     * A follower slower than the board never holds the board back: it loses events, which are counted.
     */
    default AutoCloseable followTrace(TraceFollower follower) throws Refusal {
        throw new Refusal("unsupported", "this board cannot stream its trace");
    }

    @Override
    void close();
}

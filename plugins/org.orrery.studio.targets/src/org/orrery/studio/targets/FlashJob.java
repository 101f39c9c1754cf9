// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.targets.internal.FlashProgress;

/**
 * Flashes one image to one board of the registry as a user job: upload with progress (cancel stops between
 * chunks; the board keeps what it has and the next flash continues there), install, then the board's trial.
 * The result is OK once the board confirms the image good, an error with the board's reason when it refuses the
 * image or rolls it back, CANCEL when the user stopped it.
 */
public final class FlashJob extends Job {

    /** Family of every flash job, for callers that wait for flashes to end. */
    public static final Object FAMILY = FlashJob.class;
    /** How long a trial may take before the flash gives up waiting (the board keeps judging). */
    public static final Duration VERDICT_TIMEOUT = Duration.ofMinutes(3);
    /** The workbench's progress property that keeps a finished job, with its result, in the Progress view. */
    private static final QualifiedName KEEP = new QualifiedName("org.eclipse.ui.workbench.progress", "keep");

    private final BoardsModel model;
    private final String board;
    private final Path image;
    private volatile AgentClient client;

    public FlashJob(BoardsModel model, String board, Path image) {
        super("Flash " + image.getFileName() + " to board " + board);
        this.model = model;
        this.board = board;
        this.image = image;
        setUser(true);
        setProperty(KEEP, Boolean.TRUE);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    public String board() {
        return board;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        FlashProgress progress = new FlashProgress(monitor, board, this::refresh);
        try (AgentClient c = model.connect(board)) {
            client = c;
            Verdict v = c.flash(image, false, progress, monitor::isCanceled, VERDICT_TIMEOUT);
            return switch (v.outcome()) {
                case CONFIRMED -> new Status(IStatus.OK, FlashLaunch.PLUGIN_ID, image.getFileName() + " on board " + board + ": confirmed good ("
                        + v.reason() + ")");
                case ROLLED_BACK -> Status.error("Board " + board + " rolled " + image.getFileName() + " back: "
                        + v.reason());
                case PENDING -> Status.error("Board " + board + " had not judged " + image.getFileName() + " after "
                        + VERDICT_TIMEOUT.toMinutes() + " minutes (" + v.reason() + "); see the Boards view");
            };
        } catch (AgentException e) {
            if (monitor.isCanceled()) {
                return new Status(IStatus.CANCEL, FlashLaunch.PLUGIN_ID, "Flash to board " + board
                        + " cancelled (the board keeps the bytes it received; flash again to continue)");
            }
            return Status.error(e.getMessage() + signerHint(e));
        } catch (IOException e) {
            return Status.error("Flash to board " + board + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            client = null;
            refresh();
            monitor.done();
        }
    }

    /**
     * A board that does not trust the image's signer cannot be fixed from Studio (a board's trusted signers are set
     * where the board is, by design): say which key Studio signs with and how the board is told to trust it.
     */
    private static String signerHint(AgentException e) {
        if (!"wrong-key".equals(e.code())) {
            return "";
        }
        try {
            Path key = DevelopmentKeys.publicKeyFile();
            return ". Images built in Studio are signed with this workspace's key " + key + ": start the board's agent"
                    + " with --signer " + key + " (or copy the file into the board's trust/signers folder) to trust them";
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** Cancel while the board verifies or judges the trial: closing the session ends the wait at once. */
    @Override
    protected void canceling() {
        AgentClient c = client;
        if (c != null) {
            c.close();
        }
    }

    /** The Boards view follows the slots: after the install (trial) and at the end (good, bad). */
    private void refresh() {
        try {
            model.refresh(board);
        } catch (IOException e) {
            // the board left the registry meanwhile: nothing to show
        }
    }
}

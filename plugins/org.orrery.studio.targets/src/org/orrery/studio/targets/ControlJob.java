// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * One operator request to a board as a user job: start, stop or restart a partition, or switch plan. OK with what
 * the board did, or an error with the board's reason (unknown partition, missing {@code operate} role, ...).
 */
public final class ControlJob extends Job {

    public static final Object FAMILY = ControlJob.class;

    private final TargetsModel model;
    private final String board;
    private final String action;
    private final String target;

    /** @param action start, stop, restart or switch-plan; {@code target} a partition, or a plan for switch-plan */
    public ControlJob(TargetsModel model, String board, String action, String target) {
        super(title(action, target) + " on board " + board);
        this.model = model;
        this.board = board;
        this.action = action;
        this.target = target;
        setUser(true);
    }

    private static String title(String action, String target) {
        return switch (action) {
            case "switch-plan" -> "Switch to plan " + target;
            default -> Character.toUpperCase(action.charAt(0)) + action.substring(1) + " partition " + target;
        };
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            return new Status(IStatus.OK, FlashLaunch.PLUGIN_ID, "Board " + board + ": " + model.control(board, action, target));
        } catch (IOException e) {
            return Status.error(e.getMessage());
        }
    }
}

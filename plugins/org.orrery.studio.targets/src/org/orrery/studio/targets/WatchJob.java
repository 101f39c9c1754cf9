// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import org.eclipse.core.runtime.jobs.Job;

/**
 * Starts following boards' events in the background (all boards of the registry not followed yet, or the ones
 * named). A board that cannot be followed gets a problem in the model, not a failed job.
 */
public final class WatchJob extends Job {

    public static final Object FAMILY = WatchJob.class;

    private final TargetsModel model;
    private final List<String> boards;

    /** @param boards the boards to follow, or empty for all */
    public WatchJob(TargetsModel model, List<String> boards) {
        super(boards.isEmpty() ? "Following Orrery boards" : "Following board " + String.join(", ", boards));
        this.model = model;
        this.boards = List.copyOf(boards);
        setSystem(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            List<String> names = boards.isEmpty() ? model.boards().stream().map(TargetBoard::name).toList() : boards;
            for (String name : names) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                model.watch(name);
            }
            return Status.OK_STATUS;
        } catch (IOException e) {
            return Status.error(e.getMessage());
        }
    }
}

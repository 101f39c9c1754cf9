// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Asks boards for their status in the background (all of them, or the ones named). A board that does not answer
 * is a row with a problem, not a failed job; only an unreadable registry fails it.
 */
public final class RefreshJob extends Job {

    public static final Object FAMILY = RefreshJob.class;

    private final BoardsModel model;
    private final List<String> boards;

    /** @param boards the boards to ask, or empty for all */
    public RefreshJob(BoardsModel model, List<String> boards) {
        super(boards.isEmpty() ? "Refreshing Orrery boards" : "Refreshing board " + String.join(", ", boards));
        this.model = model;
        this.boards = List.copyOf(boards);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            List<String> names = boards.isEmpty() ? model.rows().stream().map(BoardRow::name).toList() : boards;
            SubMonitor sub = SubMonitor.convert(monitor, getName(), names.size());
            for (String name : names) {
                if (sub.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                sub.subTask(name);
                if (model.registry().find(name).isPresent()) {
                    model.refresh(name);
                }
                sub.worked(1);
            }
            return Status.OK_STATUS;
        } catch (IOException e) {
            return Status.error(e.getMessage());
        }
    }
}

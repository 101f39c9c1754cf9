// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Keeps the Boards view's rows current: opens the event stream of every board of the registry that has none (see
 * {@link BoardsModel#follow}). Opening a stream is itself a status request (the board answers the subscription with
 * its status, or the attempt fails and the row says why), so run every few seconds this job is the poll that remains
 * while a stream is down; boards whose stream is open cost nothing here.
 */
public final class FollowJob extends Job {

    public static final Object FAMILY = FollowJob.class;

    private final BoardsModel model;

    public FollowJob(BoardsModel model) {
        super("Following Orrery boards");
        this.model = model;
        setSystem(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            for (BoardRow r : model.rows()) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                if (!model.live(r.name()) && model.registry().find(r.name()).isPresent()) {
                    model.follow(r.name());
                }
            }
            return Status.OK_STATUS;
        } catch (IOException e) {
            return Status.error(e.getMessage());
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.orrery.studio.targets.FlashJob;

/** The results of the flash jobs that end while it listens (a launch schedules its job where a test cannot see it). */
public final class FlashResults extends JobChangeAdapter implements AutoCloseable {

    private final List<IStatus> results = new CopyOnWriteArrayList<>();

    public FlashResults() {
        Job.getJobManager().addJobChangeListener(this);
    }

    @Override
    public void done(IJobChangeEvent event) {
        if (event.getJob().belongsTo(FlashJob.FAMILY)) {
            results.add(event.getResult());
        }
    }

    public List<IStatus> results() {
        return List.copyOf(results);
    }

    @Override
    public void close() {
        Job.getJobManager().removeJobChangeListener(this);
    }
}

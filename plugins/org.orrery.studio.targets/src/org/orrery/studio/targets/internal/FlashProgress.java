// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.client.FlashListener;

/**
 * A flash's progress in Eclipse terms: the upload is most of the bar (by bytes), the install and the trial the
 * rest. Called on the flashing thread only.
 */
public final class FlashProgress implements FlashListener {

    private static final int UPLOAD_TICKS = 1_000;

    private final SubMonitor monitor;
    private final String board;
    private final Runnable afterInstall;
    private int uploadTicks;

    public FlashProgress(IProgressMonitor monitor, String board, Runnable afterInstall) {
        this.monitor = SubMonitor.convert(monitor, "Flashing board " + board, UPLOAD_TICKS + 200);
        this.board = board;
        this.afterInstall = afterInstall;
    }

    @Override
    public void uploadStarted(long offset, long size) {
        monitor.subTask(offset == 0 ? "Uploading " + kib(size) + " to " + board
                : "Resuming the upload to " + board + " at " + kib(offset) + " of " + kib(size));
        uploaded(offset, size);
    }

    @Override
    public void uploaded(long done, long size) {
        int ticks = size == 0 ? UPLOAD_TICKS : (int) (UPLOAD_TICKS * done / size);
        if (ticks > uploadTicks) {
            monitor.worked(ticks - uploadTicks);
            uploadTicks = ticks;
        }
    }

    @Override
    public void installing() {
        monitor.subTask("Board " + board + " verifies and installs the image");
    }

    @Override
    public void installed(SlotInfo slot) {
        monitor.worked(100);
        monitor.subTask("Trial boot in slot " + slot.name() + " (" + slot.state().name().toLowerCase(Locale.ROOT)
                + "): waiting for the image to confirm itself good");
        afterInstall.run();
    }

    private static String kib(long bytes) {
        return (bytes + 1023) / 1024 + " KiB";
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** Saves what a control shows as a PNG, for the screenshots the README links and for failure evidence. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path save(Control control, Path file) throws IOException {
        return capture(control, new GC(control), 0, 0, file);
    }

    /**
     * Saves what the screen shows over {@code shell}, popups included: content-assist lists and tooltips are
     * windows of their own, which a copy of the shell's window leaves black.
     */
    public static Path saveScreenOver(Shell shell, Path file) throws IOException {
        Point at = shell.getLocation();
        return capture(shell, new GC(shell.getDisplay()), at.x, at.y, file);
    }

    private static Path capture(Control control, GC gc, int x, int y, Path file) throws IOException {
        Widgets.flushEvents();
        Point size = control.getSize();
        if (size.x <= 0 || size.y <= 0) {
            gc.dispose();
            throw new IOException("control has no area to capture: " + size);
        }
        Image image = new Image(control.getDisplay(), size.x, size.y);
        try {
            gc.copyArea(image, x, y);
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            Files.createDirectories(file.toAbsolutePath().getParent());
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return file;
    }
}

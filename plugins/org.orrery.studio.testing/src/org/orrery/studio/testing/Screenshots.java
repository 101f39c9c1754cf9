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

/** Saves what a control shows as a PNG, for the screenshots the README links and for failure evidence. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path save(Control control, Path file) throws IOException {
        Widgets.flushEvents();
        Point size = control.getSize();
        if (size.x <= 0 || size.y <= 0) {
            throw new IOException("control has no area to capture: " + size);
        }
        Image image = new Image(control.getDisplay(), size.x, size.y);
        GC gc = new GC(control);
        try {
            gc.copyArea(image, 0, 0);
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

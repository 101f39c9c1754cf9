// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.memory;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.orrery.dsl.model.SystemView;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.memory.MemoryMapBuilder;
import org.orrery.studio.ui.SystemEditorContext;
import org.orrery.studio.ui.SystemEditorPage;

/** "Memory Map" page of the system editor: read-only, redrawn whenever the text is re-parsed. */
public final class MemoryMapPage implements SystemEditorPage {

    private SystemEditorContext context;
    private MemoryMapCanvas canvas;
    private long shown = -1;

    @Override
    public Control createControl(Composite parent, SystemEditorContext context) {
        this.context = context;
        canvas = new MemoryMapCanvas(parent);
        modelChanged();
        return canvas;
    }

    public MemoryMapCanvas canvas() {
        return canvas;
    }

    @Override
    public void modelChanged() {
        SystemModelSession session = SystemEditorPage.modelToShow(context, canvas, shown);
        if (session == null) {
            return;
        }
        SystemView system = session.system();
        if (system != null) {
            canvas.setMap(MemoryMapBuilder.build(system, session.diagnostics()));
            shown = session.generation();
        }
    }

    @Override
    public void activated() {
        modelChanged();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A graphical page of the {@link SystemEditor} (schedule, topology, memory map...). Pages are contributed
 * through the extension point {@code org.orrery.studio.ui.systemEditorPages}:
 *
 * <pre>
 * &lt;extension point="org.orrery.studio.ui.systemEditorPages"&gt;
 *    &lt;page id="..." name="Topology" order="20" class="my.TopologyPage"/&gt;
 * &lt;/extension&gt;
 * </pre>
 *
 * The class needs a public no-argument constructor; pages appear after "Source" by ascending {@code order}.
 * A page reads the model from {@link SystemEditorContext#session()} and changes it only through
 * {@link SystemEditorContext#apply}, so every edit lands in the one shared document and can be undone there.
 * All methods are called on the UI thread.
 */
public interface SystemEditorPage {

    /** Builds the page's control. {@code context} stays valid until {@link #dispose()}. */
    Control createControl(Composite parent, SystemEditorContext context);

    /** The model was re-parsed (after a text edit, an undo or a graphical edit): redraw from the session. */
    void modelChanged();

    /** The page was brought to front (the model has just been synchronised with the text). */
    default void activated() {
    }

    default void dispose() {
    }
}

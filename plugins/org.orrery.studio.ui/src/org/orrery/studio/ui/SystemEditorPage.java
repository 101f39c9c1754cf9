// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.orrery.studio.diagram.edit.SystemModelSession;

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

    /**
     * The session to redraw {@code view} from, or null when there is nothing to do: the view is hidden (a hidden
     * page catches up when it is activated, so re-parses never pay for pictures nobody sees, and the model is
     * not even parsed while only the Source page has been shown) or it already shows generation {@code shown}.
     */
    static SystemModelSession modelToShow(SystemEditorContext context, Control view, long shown) {
        if (view == null || view.isDisposed() || !view.isVisible()) {
            return null;
        }
        SystemModelSession session = context.session();
        return session.generation() == shown ? null : session;
    }
}

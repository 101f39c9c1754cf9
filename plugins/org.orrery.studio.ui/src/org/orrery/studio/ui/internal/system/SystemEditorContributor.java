// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.system;

import org.eclipse.jface.action.IAction;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.MultiPageEditorActionBarContributor;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.orrery.studio.ui.SystemEditor;

/**
 * Routes the workbench's global actions to the active page: the text editor's own actions on the Source page;
 * on graphical pages Undo/Redo go to the shared document's undo manager (so Ctrl+Z works there too) and the
 * text-only actions are switched off.
 */
public final class SystemEditorContributor extends MultiPageEditorActionBarContributor {

    // The text editor registers these actions under the workbench's global ids.
    private static final String[] TEXT_ACTIONS = { ActionFactory.CUT.getId(), ActionFactory.COPY.getId(),
        ActionFactory.PASTE.getId(), ActionFactory.DELETE.getId(), ActionFactory.SELECT_ALL.getId(),
        ActionFactory.FIND.getId() };

    private SystemEditor editor;

    @Override
    public void setActiveEditor(IEditorPart part) {
        editor = part instanceof SystemEditor s ? s : null;
        super.setActiveEditor(part);
    }

    @Override
    public void setActivePage(IEditorPart page) {
        IActionBars bars = getActionBars();
        if (bars == null) {
            return;
        }
        ITextEditor text = page instanceof ITextEditor t ? t : null;
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), text != null ? text.getAction(ITextEditorActionConstants.UNDO)
                : editor == null ? null : editor.undoAction());
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), text != null ? text.getAction(ITextEditorActionConstants.REDO)
                : editor == null ? null : editor.redoAction());
        for (String id : TEXT_ACTIONS) {
            IAction action = text == null ? null : text.getAction(id);
            bars.setGlobalActionHandler(id, action);
        }
        bars.updateActionBars();
    }
}

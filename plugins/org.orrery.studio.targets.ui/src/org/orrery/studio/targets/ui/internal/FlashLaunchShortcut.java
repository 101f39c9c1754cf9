// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ListDialog;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.FlashConfigurations;

/**
 * Run As → Orrery Board on an Orrery project or a {@code .orrery} file: the Flash to board configuration for it,
 * created on first use; the board it remembers, the registry's only board, or the one the user picks (then
 * remembered in the configuration); then the launch (build, upload with progress, verdict).
 */
public final class FlashLaunchShortcut implements ILaunchShortcut {

    /** The title of the board chooser, for tests that answer it. */
    public static final String CHOOSER_TITLE = "Flash to Board";

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            IResource r = Adapters.adapt(s.getFirstElement(), IResource.class);
            if (r instanceof IFile || r instanceof IProject) {
                launch(r, mode);
            }
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile f = Adapters.adapt(editor.getEditorInput(), IFile.class);
        if (f != null) {
            launch(f, mode);
        }
    }

    /** Flashes {@code selected}'s system (a {@code .orrery} file, or a project's only system). */
    public static void launch(IResource selected, String mode) {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        try {
            List<String> boards = BoardsModel.ofUser().rows().stream().map(BoardRow::name).toList();
            if (boards.isEmpty()) {
                MessageDialog.openError(shell, CHOOSER_TITLE, "No board in the registry "
                        + BoardsModel.ofUser().registry().file() + ": add one in the Orrery Boards view first.");
                return;
            }
            ILaunchConfiguration existing = FlashConfigurations.find(selected);
            String board = FlashConfigurations.board(existing, boards);
            if (board == null) {
                board = choose(shell, selected, boards);
                if (board == null) {
                    return; // cancelled
                }
            }
            DebugUITools.launch(FlashConfigurations.remember(selected, existing, board), mode);
        } catch (CoreException e) {
            ErrorDialog.openError(shell, CHOOSER_TITLE, "Cannot flash " + selected.getFullPath(), e.getStatus());
        } catch (IOException e) {
            MessageDialog.openError(shell, CHOOSER_TITLE, e.getMessage()); // an unreadable registry: file and line
        }
    }

    private static String choose(Shell shell, IResource selected, List<String> boards) {
        ListDialog d = new ListDialog(shell);
        d.setTitle(CHOOSER_TITLE);
        d.setMessage("Flash " + selected.getFullPath() + " to which board? (remembered for the next Run)");
        d.setContentProvider(ArrayContentProvider.getInstance());
        d.setLabelProvider(new LabelProvider());
        d.setInput(boards);
        d.setInitialSelections(boards.get(0));
        if (d.open() != ListDialog.OK || d.getResult() == null || d.getResult().length == 0) {
            return null;
        }
        return (String) d.getResult()[0];
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.Location;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListDialog;
import org.orrery.studio.editor.OrreryEditor;

/**
 * The editor's commands beyond plain text editing: Format (Ctrl+Shift+F), Find References (Ctrl+Shift+G) and
 * Rename (Alt+Shift+R). Each is a thin dialog around an {@link OrreryEditor} method that does the work, so the
 * work is testable without driving dialogs.
 */
public final class EditorActions {

    public static final String FORMAT = "org.orrery.studio.editor.format";
    public static final String REFERENCES = "org.orrery.studio.editor.findReferences";
    public static final String RENAME = "org.orrery.studio.editor.rename";

    private EditorActions() {
    }

    public static void install(OrreryEditor editor) {
        editor.setAction(FORMAT, action("&Format", FORMAT, editor::format));
        editor.setAction(REFERENCES, action("Find Re&ferences", REFERENCES, () -> showReferences(editor)));
        editor.setAction(RENAME, action("Re&name...", RENAME, () -> rename(editor)));
    }

    private static Action action(String text, String command, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        // The definition id ties the action to the command, its key binding and the handler service.
        action.setActionDefinitionId(command);
        action.setId(command);
        return action;
    }

    /** The name around {@code offset}, for prefilling the rename dialog. */
    public static String wordAt(IDocument doc, int offset) {
        OrreryCodeScanner.Words words = new OrreryCodeScanner.Words();
        int start = offset;
        int end = offset;
        try {
            while (start > 0 && words.isWordPart(doc.getChar(start - 1))) {
                start--;
            }
            while (end < doc.getLength() && words.isWordPart(doc.getChar(end))) {
                end++;
            }
            return doc.get(start, end - start);
        } catch (BadLocationException e) {
            return "";
        }
    }

    private static int caret(OrreryEditor editor) {
        return ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
    }

    private static void showReferences(OrreryEditor editor) {
        List<Location> found = editor.findReferences(caret(editor));
        Shell shell = editor.getSite().getShell();
        if (found.isEmpty()) {
            MessageDialog.openInformation(shell, "Find References", "No references found at the caret.");
            return;
        }
        ListDialog dialog = new ListDialog(shell);
        dialog.setTitle("References");
        dialog.setMessage(found.size() + " places name this element. Open:");
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                Location l = (Location) element;
                String file = l.getUri().substring(l.getUri().lastIndexOf('/') + 1);
                return file + ":" + (l.getRange().getStart().getLine() + 1) + ":"
                        + (l.getRange().getStart().getCharacter() + 1) + "  " + editor.lineText(l);
            }
        });
        dialog.setInput(found);
        if (dialog.open() == Window.OK && dialog.getResult().length > 0) {
            Location chosen = (Location) dialog.getResult()[0];
            Locations.open(chosen.getUri(), chosen.getRange());
        }
    }

    private static void rename(OrreryEditor editor) {
        int offset = caret(editor);
        String current = wordAt(editor.getDocumentProvider().getDocument(editor.getEditorInput()), offset);
        IInputValidator names = text -> text.matches("[A-Za-z_][A-Za-z0-9_]*") ? null : "Not a name: " + text;
        InputDialog dialog = new InputDialog(editor.getSite().getShell(), "Rename", "New name:", current, names);
        if (dialog.open() != Window.OK || dialog.getValue().equals(current)) {
            return;
        }
        String problem = editor.rename(offset, dialog.getValue());
        if (problem != null) {
            MessageDialog.openWarning(editor.getSite().getShell(), "Rename", problem);
        }
    }
}

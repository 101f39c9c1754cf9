// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.lsp4j.Location;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.OrreryEditor;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Widgets;

/**
 * Editing with the language's help: quick fix on an annotation and on a builder marker, format (Ctrl+Shift+F),
 * rename, references.
 */
class OrreryEditorEditingTest {

    private static final Duration SERVER = Duration.ofSeconds(60);

    private static final String SYSTEM = """
            system demo
            board sim {
                cores 1
                memory 64 MiB
                tick 1 ms
            }

            partition fcs {
                cores 0
                memory 8 MiB
                application "demo.Fcs"
                process control periodic period 10 ms wcet 1 ms priority 3
                port cmd_out sampling out size 8 B
            }

            partition nav {
                cores 0
                memory 8 MiB
                application "demo.Nav"
                process fusion periodic period 10 ms wcet 1 ms priority 2
                port cmd_in sampling in size 8 B refresh 20 ms
            }

            channel cmd sampling from fcs.cmd_out to nav.cmd_in

            plan main {
                core 0 major-frame 10 ms {
                    window fcs at 0 ms duration 4 ms
                    window nav at 4 ms duration 4 ms
                }
            }
            """;

    private IProject project;
    private OrreryEditor editor;

    @AfterEach
    void cleanUp() throws Exception {
        if (editor != null) {
            editor.getSite().getPage().closeEditor(editor, false);
        }
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    private IDocument open(String name, String text) throws Exception {
        IFile file = Projects.plainSystem(name, text);
        project = file.getProject();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        editor = assertInstanceOf(OrreryEditor.class, IDE.openEditor(page, file, OrreryEditor.ID));
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    @Test
    void quickFixOnTheAnnotationExtendsTheFrameAndTheAnnotationGoes() throws Exception {
        IDocument doc = open("editor-quickfix", SYSTEM.replace("window nav at 4 ms duration 4 ms",
                "window nav at 4 ms duration 8 ms"));
        Widgets.waitUntil(() -> annotations().stream().anyMatch(t -> t.contains("[window-beyond-frame]")), SERVER,
                "a window-beyond-frame annotation; seen " + annotations());

        int at = doc.get().indexOf("duration 8 ms") + "duration 8".length();
        ICompletionProposal[] fixes = editor.configuration().getQuickAssistAssistant(editor.viewer())
                .getQuickAssistProcessor().computeQuickAssistProposals(new TextInvocationContext(editor.viewer(), at, 0));
        List<String> labels = new ArrayList<>();
        for (ICompletionProposal p : fixes) {
            labels.add(p.getDisplayString());
        }
        assertTrue(labels.contains("Extend the major frame of core 0 to 12 ms"), labels.toString());
        fixes[labels.indexOf("Extend the major frame of core 0 to 12 ms")].apply(doc);

        assertTrue(doc.get().contains("core 0 major-frame 12 ms {"), doc.get());
        Widgets.waitUntil(() -> annotations().stream().noneMatch(t -> t.contains("[window-beyond-frame]")), SERVER,
                "the annotation gone after the fix; seen " + annotations());
    }

    @Test
    void formatCommandReindentsAndOneUndoRestores() throws Exception {
        String messy = SYSTEM.replace("    cores 0\n    memory 8 MiB", "cores 0    memory   8 MiB")
                .replace("        window fcs", "window fcs");
        IDocument doc = open("editor-format", messy);
        editor.getSite().getPage().activate(editor);
        editor.getSite().getService(IHandlerService.class).executeCommand("org.orrery.studio.editor.format", null);
        assertEquals(SYSTEM.replace("system demo\n", "system demo\n\n"), doc.get());

        editor.getAction(ITextEditorActionConstants.UNDO).run();
        assertEquals(messy, doc.get());
    }

    @Test
    void renameChangesDeclarationAndReferences() throws Exception {
        IDocument doc = open("editor-rename", SYSTEM);
        // Wait until the server has the document: its diagnostics (possibly none) have been published.
        Widgets.waitUntil(() -> !editor.findReferences(doc.get().indexOf("partition nav") + 11).isEmpty(), SERVER,
                "references of nav");
        List<Location> refs = editor.findReferences(doc.get().indexOf("partition nav") + 11);
        // The declaration, the window, and the channel's destination port (nav.cmd_in).
        assertTrue(refs.size() >= 2, refs.toString());

        assertNull(editor.rename(doc.get().indexOf("window nav") + 8, "navigation"));
        String renamed = doc.get();
        assertTrue(renamed.contains("partition navigation {"), renamed);
        assertTrue(renamed.contains("window navigation at 4 ms"), renamed);
        assertTrue(renamed.contains("to navigation.cmd_in"), renamed);
        assertTrue(!renamed.contains(" nav ") && !renamed.contains(" nav."), renamed);
    }

    @Test
    void builderMarkerOffersTheSameQuickFixAndItSavesTheFile() throws Exception {
        String text = SYSTEM.replace("window nav at 4 ms duration 4 ms", "window nav at 4 ms duration 8 ms");
        IFile file = Projects.plainSystem("editor-marker-fix", text);
        project = file.getProject();
        // A marker as the project builder makes it: its type, the rule code, the range of the reported value.
        IMarker marker = file.createMarker("org.orrery.studio.core.problem");
        int start = text.indexOf("duration 8 ms") + "duration ".length();
        marker.setAttributes(Map.of(IMarker.SEVERITY, IMarker.SEVERITY_ERROR, IMarker.MESSAGE, "beyond the frame",
                "org.orrery.studio.core.ruleCode", "window-beyond-frame", IMarker.LINE_NUMBER, 31,
                IMarker.CHAR_START, start, IMarker.CHAR_END, start + 1));

        assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(marker));
        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
        assertEquals("Extend the major frame of core 0 to 12 ms", fixes[0].getLabel());
        fixes[0].run(marker);
        String saved = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(saved.contains("core 0 major-frame 12 ms {"), saved);
    }

    private List<String> annotations() {
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        List<String> texts = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation a = it.next();
            if (a.getType().startsWith("org.eclipse.ui.workbench.texteditor.") && a.getText() != null) {
                texts.add(a.getText());
            }
        }
        return texts;
    }
}

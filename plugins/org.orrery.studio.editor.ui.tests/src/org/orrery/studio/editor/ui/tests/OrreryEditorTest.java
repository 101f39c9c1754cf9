// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.OrreryEditor;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;

/** Opens a system in the Orrery editor from a workspace project and works with it as an integrator types. */
class OrreryEditorTest {

    private static final Duration SERVER = Duration.ofSeconds(60);

    private static final String SYSTEM = """
            // Two partitions sharing one core.
            system demo
            board sim { cores 1 memory 64 MiB tick 1 ms }
            /** Flight control: the most critical partition. */
            partition fcs {
                cores 0
                memory 8 MiB
                application "demo.Fcs"
                process control periodic period 10 ms wcet 1 ms priority 3
            }
            partition nav {
                cores 0
                memory 8 MiB
                application "demo.Nav"
                process fusion periodic period 10 ms wcet 1 ms priority 2
            }
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

    @Test
    void showsRulesAsYouTypeHoversNavigatesAndOutlines() throws Exception {
        IFile file = Projects.plainSystem("editor-demo", SYSTEM);
        project = file.getProject();

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(IPageLayout.ID_OUTLINE);
        editor = assertInstanceOf(OrreryEditor.class, IDE.openEditor(page, file, OrreryEditor.ID));
        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        ISourceViewer viewer = editor.viewer();
        assertNotNull(editor.connection(), "a workspace file is connected to the language server");

        // Highlighting: keywords bold, values with their unit as one token.
        Widgets.flushEvents();
        StyleRange keyword = viewer.getTextWidget().getStyleRangeAtOffset(SYSTEM.indexOf("partition fcs"));
        assertNotNull(keyword, "'partition' is styled");
        assertEquals(SWT.BOLD, keyword.fontStyle & SWT.BOLD);
        StyleRange value = viewer.getTextWidget().getStyleRangeAtOffset(SYSTEM.indexOf("64 MiB") + 3);
        assertNotNull(value, "the unit is styled with its number");
        // A keyword inside a name ("on" in "fusion") is part of the name, not a keyword.
        StyleRange inName = viewer.getTextWidget().getStyleRangeAtOffset(SYSTEM.indexOf("fusion") + 4);
        assertTrue(inName == null || (inName.fontStyle & SWT.BOLD) == 0 || inName.foreground == null,
                "no keyword colour inside a name: " + inName);

        // Semantic highlighting: `nav` in `window nav` is a partition reference, coloured as one.
        int navRef = SYSTEM.indexOf("window nav") + "window ".length();
        Widgets.waitUntil(() -> {
            StyleRange r = viewer.getTextWidget().getStyleRangeAtOffset(navRef);
            return r != null && r.foreground != null && r.foreground.getRGB().equals(new RGB(0, 128, 128));
        }, SERVER, "partition reference coloured; style " + viewer.getTextWidget().getStyleRangeAtOffset(navRef));
        StyleRange plain = viewer.getTextWidget().getStyleRangeAtOffset(SYSTEM.indexOf("demo.Nav") + 1);
        assertTrue(plain == null || plain.foreground == null || !plain.foreground.getRGB().equals(new RGB(0, 128, 128)),
                "a string is not a partition reference");

        // Diagnostics as you type: a window overlapping the next one.
        String window = "window fcs at 0 ms duration 4 ms";
        doc.replace(doc.get().indexOf(window), window.length(), "window fcs at 0 ms duration 6 ms");
        Widgets.waitUntil(() -> annotationTexts(editor).stream().anyMatch(t -> t.contains("[windows-overlap]")),
                SERVER, "a windows-overlap annotation; seen " + annotationTexts(editor));

        // Hover on a process: its timing as the server computes it.
        ITextHover hover = editor.configuration().getTextHover(viewer, IDocument.DEFAULT_CONTENT_TYPE);
        String info = hover.getHoverInfo(viewer, new Region(doc.get().indexOf("control periodic") + 2, 0));
        assertNotNull(info, "hover on a process");
        assertTrue(info.contains("period 10 ms"), info);

        // Go to definition: from the window's reference to the partition declaration.
        int reference = doc.get().indexOf("window nav at 4 ms") + "window n".length();
        IHyperlinkDetector[] detectors = editor.configuration().getHyperlinkDetectors(viewer);
        IHyperlink link = null;
        for (IHyperlinkDetector d : detectors) {
            IHyperlink[] found = d.detectHyperlinks(viewer, new Region(reference, 0), false);
            if (found != null && link == null) {
                link = found[0];
            }
        }
        assertNotNull(link, "a hyperlink on the reference");
        link.open();
        Widgets.flushEvents();
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(doc.get().indexOf("partition nav") + "partition ".length(), selection.getOffset());

        // Content assist where a window names its partition: the system's partitions are proposed.
        String slot = "window nav at 4 ms";
        int afterWindow = doc.get().indexOf(slot) + "window ".length();
        IContentAssistProcessor assist = editor.configuration().getContentAssistant(viewer)
                .getContentAssistProcessor(IDocument.DEFAULT_CONTENT_TYPE);
        List<String> proposed = new ArrayList<>();
        for (ICompletionProposal p : assist.computeCompletionProposals(viewer, afterWindow)) {
            proposed.add(p.getDisplayString());
        }
        assertTrue(proposed.stream().anyMatch(p -> p.startsWith("fcs")), "partitions proposed: " + proposed
                + " " + assist.getErrorMessage());
        assertTrue(proposed.stream().anyMatch(p -> p.startsWith("nav")), "partitions proposed: " + proposed);

        // Outline: the partitions.
        IContentOutlinePage outline = editor.getAdapter(IContentOutlinePage.class);
        assertNotNull(outline);
        Widgets.waitUntil(() -> outline.getControl() != null && !outline.getControl().isDisposed()
                && !Widgets.findAll(outline.getControl(), TreeItem.class, Widgets.withText("nav")).isEmpty()
                && !Widgets.findAll(outline.getControl(), TreeItem.class, Widgets.withText("fcs")).isEmpty(),
                SERVER, "the outline listing the partitions");

        // The screenshot: highlighting, the overlap annotation, and the content-assist popup after `window `.
        editor.selectAndReveal(afterWindow, 0);
        viewer.getTextWidget().setFocus();
        ((ITextOperationTarget) viewer).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
        // The popup is its own shell, filled once the proposals arrive: wait for its rows, then let it paint.
        Display display = viewer.getTextWidget().getDisplay();
        Widgets.waitUntil(() -> popup(display) != null, SERVER, "the content-assist popup");
        for (int i = 0; i < 15; i++) {
            Widgets.flushEvents();
            Thread.sleep(20);
        }
        Screenshots.saveScreenOver(editor.getSite().getShell(), screenshots().resolve("orrery-editor.png"));
    }

    // The proposal popup: a visible shell of its own holding a filled table.
    private static Shell popup(Display display) {
        return Arrays.stream(display.getShells()).filter(s -> s.isVisible()
                && !Widgets.findAll(s, Table.class, t -> t.getItemCount() > 0).isEmpty()).findFirst().orElse(null);
    }

    private static List<String> annotationTexts(OrreryEditor editor) {
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

    private static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}

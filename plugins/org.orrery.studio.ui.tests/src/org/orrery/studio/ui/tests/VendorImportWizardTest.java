// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.ui.OrreryUi;
import org.orrery.studio.ui.SystemEditor;

/**
 * File → Import → Orrery → ARINC 653 module XML, driven through the real wizard dialog on AIR's public example
 * (dsl/org.orrery.dsl.tests/fixtures/vendor/README.md: origin and licence).
 */
class VendorImportWizardTest {

    private static final String PROJECT = "imported-air";

    private WizardDialog dialog;

    @AfterEach
    void cleanUp() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.closeAllEditors(false);
        Projects.plain(PROJECT).delete(true, true, null);
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("orrery.dsl.fixtures", "../../dsl/org.orrery.dsl.tests/fixtures"))
                .toAbsolutePath().normalize().resolve(name);
    }

    /** Opens the ARINC import wizard the way File › Import does, with {@code project} selected. */
    private Shell openWizard(IProject project) throws Exception {
        IWorkbench workbench = PlatformUI.getWorkbench();
        IWizardDescriptor descriptor = workbench.getImportWizardRegistry().findWizard(OrreryUi.IMPORT_ARINC_WIZARD_ID);
        assertNotNull(descriptor, "the wizard is in the Import wizard registry");
        assertEquals("ARINC 653 module XML", descriptor.getLabel());
        IImportWizard wizard = (IImportWizard) descriptor.createWizard();
        wizard.init(workbench, new StructuredSelection(project));
        dialog = new WizardDialog(workbench.getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertEquals("Import ARINC 653 module XML", dialog.getShell().getText(), "the format comes from plugin.xml");
        return dialog.getShell();
    }

    private static Text field(Shell shell, String hint) {
        return Widgets.findOne(shell, Text.class, t -> hint.equals(t.getMessage()), "with the hint '" + hint + "'");
    }

    private static Button button(Shell shell, String text) {
        return Widgets.findOne(shell, Button.class, Widgets.withText(text), "'" + text + "'");
    }

    private static void press(Button b) {
        assertTrue(b.isEnabled(), "'" + Widgets.textOf(b) + "' is enabled");
        b.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void importsAirsModuleFileReviewsItsWarningsAndOpensTheSystem() throws Exception {
        IProject project = Projects.plain(PROJECT);
        Shell shell = openWizard(project);
        assertEquals("/" + PROJECT, field(shell, "workspace folder, e.g. /project/systems").getText(),
                "the selected project is the default folder");
        assertFalse(button(shell, "Next >").isEnabled(), "no file chosen yet");

        field(shell, "vendor file (.xml)").setText(fixture("vendor/air/ports-config.xml").toString());
        assertEquals("ports-config.orrery", field(shell, "system.orrery").getText(), "the name follows the input");
        assertFalse(button(shell, "Finish").isEnabled(), "the warnings are reviewed before anything is written");
        press(button(shell, "Next >"));

        // the warnings page: one row per warning, with the vendor file's line
        Table findings = Widgets.findOne(shell, Table.class, t -> t.isVisible(), "listing the warnings");
        List<String> rows = Arrays.stream(findings.getItems()).map(i -> i.getText(0) + ": " + i.getText(1)).toList();
        assertEquals(7, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("12: EntryPoint 'entry_func' is not a Java class"), "in the file's order: " + rows);
        assertTrue(rows.get(1).startsWith("18: <PartitionConfiguration> in <Partition> is not ARINC 653"), rows.toString());
        assertTrue(rows.get(6).startsWith("102: <AIR_Configuration>"), rows.toString());
        IFile target = project.getFile("ports-config.orrery");
        assertFalse(target.exists(), "nothing is written before Finish");
        Screenshots.save(shell, StudioProjects.screenshots().resolve("orrery-import-arinc-wizard.png"));

        press(button(shell, "Finish"));
        Widgets.waitUntil(shell::isDisposed, Duration.ofSeconds(30), "the wizard to close");

        assertTrue(target.exists());
        Compilation c = SystemCompiler.create().compile(target.getLocation().toFile().toPath());
        assertEquals(List.of(), c.errors().stream().map(Diagnostic::format).toList(), "the imported system checks");
        assertEquals(List.of("send", "recv", "recv2"),
                c.config().orElseThrow().partitions().stream().map(p -> p.name()).toList());
        IEditorPart editor = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
        assertInstanceOf(SystemEditor.class, editor, "the Orrery editor is open on the new file");
        assertEquals(target, editor.getEditorInput().getAdapter(IFile.class));
    }

    @Test
    void aRefusedFileStaysOnTheFirstPageNamingItsLineAndWritesNothing() throws Exception {
        IProject project = Projects.plain(PROJECT);
        Shell shell = openWizard(project);
        IWizardPage first = dialog.getCurrentPage();
        field(shell, "vendor file (.xml)").setText(fixture("arinc/pseudo-partition.xml").toString());
        press(button(shell, "Next >"));

        assertSame(first, dialog.getCurrentPage(), "the refusal keeps the user where the input is chosen");
        String error = first.getErrorMessage();
        assertNotNull(error);
        assertTrue(error.startsWith("pseudo-partition.xml:17:9: <Pseudo_Partition>"), error);
        assertFalse(button(shell, "Finish").isEnabled());
        assertFalse(project.getFile("pseudo-partition.orrery").exists());
    }
}

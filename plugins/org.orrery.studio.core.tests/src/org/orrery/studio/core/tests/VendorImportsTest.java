// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.ImportException;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.VendorFormat;
import org.orrery.dsl.VendorImport;
import org.orrery.studio.core.VendorImports;

/**
 * The headless half of File › Import on the public vendor files the DSL tests use (their origin and licence:
 * dsl/org.orrery.dsl.tests/fixtures/vendor/README.md), in a real workspace.
 */
class VendorImportsTest {

    private IProject project;

    @BeforeEach
    void createProject() throws CoreException {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("vendor-import");
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void deleteProject() throws CoreException {
        project.delete(true, true, null);
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("orrery.dsl.fixtures", "../../dsl/org.orrery.dsl.tests/fixtures"))
                .toAbsolutePath().normalize().resolve(name);
    }

    private static List<String> errorsOf(IFile file) {
        Compilation c = SystemCompiler.create().compile(file.getLocation().toFile().toPath());
        return c.errors().stream().map(Diagnostic::format).toList();
    }

    private static String contents(IFile file) throws CoreException, IOException {
        try (InputStream in = file.getContents()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void arincModuleFileImportsIntoANewFolderAndChecks() throws Exception {
        Path input = fixture("vendor/air/ports-config.xml");
        IFile target = project.getFile("imported/air/ports-config.orrery");
        VendorImport imported = VendorImports.run(VendorFormat.ARINC_653, input, target, false, null);
        assertTrue(target.exists(), "the file and its folders are created");
        assertEquals(imported.text(), contents(target));
        assertEquals(List.of(), errorsOf(target));
        // AIR's own elements are skipped with a warning naming the input file and line
        Diagnostic air = imported.warnings().stream().filter(w -> w.message().contains("<AIR_Configuration>"))
                .findFirst().orElseThrow(() -> new AssertionError(imported.warnings().toString()));
        assertEquals(102, air.line());
        assertEquals(input, air.file());
        assertEquals(Diagnostic.Severity.WARNING, air.severity());
    }

    @Test
    void xtratumFileImportsAndChecks() throws Exception {
        IFile target = project.getFile("xtratum.orrery");
        VendorImport imported = VendorImports.run(VendorFormat.XTRATUM_XMCF,
                fixture("vendor/xtratum/l2x0-2linux_with_schannels.xml"), target, false, null);
        assertEquals(List.of(), errorsOf(target));
        assertTrue(imported.warnings().stream().anyMatch(w -> w.line() == 35 && w.message().contains("lies in no <MemoryLayout> region")),
                imported.warnings().toString());
    }

    @Test
    void refusedInputWritesNothing() {
        IFile target = project.getFile("refused/pseudo.orrery");
        ImportException e = assertThrows(ImportException.class, () -> VendorImports.run(VendorFormat.ARINC_653,
                fixture("arinc/pseudo-partition.xml"), target, false, null));
        assertEquals(17, e.line(), "the refusal names the input's line");
        assertFalse(target.exists());
        assertFalse(target.getParent().exists(), "not even the folder is created");
        // the wrong format for a file is refused the same way, at its root element
        ImportException wrong = assertThrows(ImportException.class, () -> VendorImports.run(VendorFormat.XTRATUM_XMCF,
                fixture("vendor/air/ports-config.xml"), target, false, null));
        assertTrue(wrong.getMessage().contains("expected <SystemDescription>"), wrong.getMessage());
        assertFalse(target.exists());
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws Exception {
        IFile target = project.getFile("system.orrery");
        target.create(new ByteArrayInputStream("// mine\n".getBytes(StandardCharsets.UTF_8)), false, null);
        Path input = fixture("vendor/air/ports-config.xml");
        CoreException refused = assertThrows(CoreException.class,
                () -> VendorImports.run(VendorFormat.ARINC_653, input, target, false, null));
        assertTrue(refused.getMessage().contains("/vendor-import/system.orrery exists already"), refused.getMessage());
        assertEquals("// mine\n", contents(target));
        VendorImport imported = VendorImports.run(VendorFormat.ARINC_653, input, target, true, null);
        assertEquals(imported.text(), contents(target));
        assertEquals(1, target.getHistory(null).length, "the replaced text stays in Local History");
    }
}

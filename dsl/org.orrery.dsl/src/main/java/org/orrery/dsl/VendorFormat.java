// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.orrery.dsl.arinc.ArincImport;
import org.orrery.dsl.arinc.ArincImporter;
import org.orrery.dsl.arinc.OrreryText;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.dsl.xtratum.XmcfImport;
import org.orrery.dsl.xtratum.XmcfImporter;

/**
 * The vendor configuration formats Orrery imports. Each one names the importer that the CLI's {@code import}
 * commands and Studio's File › Import wizards both run, so the two front ends cannot drift apart.
 */
public enum VendorFormat {

    /** {@code ARINC_653_Module} files, including the extensions Orrery's own export writes. */
    ARINC_653("ARINC 653 module XML") {
        @Override
        VendorImport convert(InputStream in, Path input, Set<String> keywords) throws IOException, ImportException {
            ArincImport imported = ArincImporter.importFrom(in);
            String text = new OrreryText(keywords).write(imported.config(), imported.systemPartitions(),
                    "Imported from ARINC 653 module file " + input.getFileName() + ".");
            List<Diagnostic> warnings = imported.warnings().stream().map(w -> new Diagnostic(input, w.line(),
                    w.column(), Diagnostic.Severity.WARNING, OrreryIssueCodes.ARINC_IMPORT, w.message())).toList();
            return new VendorImport(text, warnings);
        }
    },

    /** XtratuM's XM_CF ({@code SystemDescription}) files. */
    XTRATUM_XMCF("XtratuM XM_CF configuration") {
        @Override
        VendorImport convert(InputStream in, Path input, Set<String> keywords) throws IOException, ImportException {
            XmcfImport imported = new XmcfImporter(keywords).importFrom(in);
            return new VendorImport(imported.text(), imported.warnings().stream().map(w -> w.toDiagnostic(input)).toList());
        }
    };

    private final String label;

    VendorFormat(String label) {
        this.label = label;
    }

    /** How users name the format (menus, wizard titles). */
    public String label() {
        return label;
    }

    /**
     * Reads and converts {@code input}; nothing is written anywhere.
     *
     * @param input the vendor file; warnings and refusals name it with the line of the input they concern
     * @param keywords the language's keywords ({@link SystemCompiler#keywords()}): colliding names are escaped
     * @throws IOException when {@code input} cannot be read
     * @throws ImportException when the importer refuses the input (its line and column are in the exception)
     */
    public VendorImport read(Path input, Set<String> keywords) throws IOException, ImportException {
        try (InputStream in = java.nio.file.Files.newInputStream(input)) {
            return convert(in, input, keywords);
        }
    }

    abstract VendorImport convert(InputStream in, Path input, Set<String> keywords) throws IOException, ImportException;
}

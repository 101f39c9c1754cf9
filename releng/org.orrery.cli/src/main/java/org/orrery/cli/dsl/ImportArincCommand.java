// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.orrery.cli.OrreryCli;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.arinc.ArincException;
import org.orrery.dsl.arinc.ArincImport;
import org.orrery.dsl.arinc.ArincImporter;
import org.orrery.dsl.arinc.OrreryText;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery import-arinc}: ARINC 653 module configuration XML → .orrery. */
@Command(name = "import-arinc", mixinStandardHelpOptions = true,
        description = "Import an ARINC 653 module configuration (ARINC_653_Module) as an .orrery system, then check "
                + "the result. Other vendors' extensions are skipped with a warning naming their line.")
public final class ImportArincCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.xml", description = "The ARINC 653 module XML file.")
    Path xml;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.orrery", required = true, description = "File to write.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SystemCompiler compiler = SystemCompiler.create();
        ArincImport imported;
        try (InputStream in = Files.newInputStream(xml)) {
            imported = ArincImporter.importFrom(in);
        } catch (NoSuchFileException e) {
            return report(1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE, "Cannot read " + xml + ": no such file.", err);
        } catch (IOException e) {
            return report(1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE, "Cannot read " + xml + ": " + e.getMessage(), err);
        } catch (ArincException e) {
            return report(e.line(), e.column(), Diagnostic.Severity.ERROR, OrreryIssueCodes.ARINC_IMPORT, e.getMessage(), err);
        }
        imported.warnings().forEach(w -> report(w.line(), w.column(), Diagnostic.Severity.WARNING,
                OrreryIssueCodes.ARINC_IMPORT, w.message(), err));
        String text = new OrreryText(compiler.keywords()).write(imported.config(), imported.systemPartitions(),
                "Imported from ARINC 653 module file " + xml.getFileName() + ".");
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text);
        } catch (IOException e) {
            err.println("orrery import-arinc: cannot write " + output + ": " + e.getMessage());
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        // Checked at once, so what the vendor accepted but Orrery refuses is visible.
        Compiled c = Compile.with(compiler).check(output);
        int exit = Diagnostics.report(c, err);
        spec.commandLine().getOut().println("orrery import-arinc: wrote " + output + " (" + c.summary() + ")");
        return exit;
    }

    private int report(int line, int column, Diagnostic.Severity severity, String code, String message, PrintWriter err) {
        err.println(new Diagnostic(xml, line, column, severity, code, message).format());
        return OrreryCli.EXIT_INPUT_ERRORS;
    }
}

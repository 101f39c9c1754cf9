// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.arinc.ArincException;
import org.orrery.dsl.arinc.ArincImport;
import org.orrery.dsl.arinc.ArincImporter;
import org.orrery.dsl.arinc.OrreryText;
import org.orrery.dsl.validation.OrreryIssueCodes;

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
        } catch (IOException e) {
            return ImportOutput.unreadable(xml, e, err);
        } catch (ArincException e) {
            return ImportOutput.refused(xml, e, err);
        }
        imported.warnings().forEach(w -> err.println(new Diagnostic(xml, w.line(), w.column(),
                Diagnostic.Severity.WARNING, OrreryIssueCodes.ARINC_IMPORT, w.message()).format()));
        String text = new OrreryText(compiler.keywords()).write(imported.config(), imported.systemPartitions(),
                "Imported from ARINC 653 module file " + xml.getFileName() + ".");
        return ImportOutput.writeAndCheck(spec, compiler, output, text);
    }
}

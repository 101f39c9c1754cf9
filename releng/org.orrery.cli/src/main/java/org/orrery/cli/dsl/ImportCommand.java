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
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.dsl.xtratum.XmcfException;
import org.orrery.dsl.xtratum.XmcfImporter;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery import}: XtratuM XM_CF → .orrery. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an XtratuM XM_CF configuration (SystemDescription) as an .orrery system, then "
                + "check the result.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.xml", description = "The XM_CF file.")
    Path xml;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.orrery", required = true, description = "File to write.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SystemCompiler compiler = SystemCompiler.create();
        String text;
        try (InputStream in = Files.newInputStream(xml)) {
            text = new XmcfImporter(compiler.keywords()).importFrom(in);
        } catch (NoSuchFileException e) {
            return unreadable("Cannot read " + xml + ": no such file.", err);
        } catch (IOException e) {
            return unreadable("Cannot read " + xml + ": " + e.getMessage(), err);
        } catch (XmcfException e) {
            err.println(e.toDiagnostic(xml).format());
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text);
        } catch (IOException e) {
            err.println("orrery import: cannot write " + output + ": " + e.getMessage());
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        // The imported system is checked at once, so a schedule XtratuM accepted but Orrery refuses is visible.
        Compiled c = Compile.with(compiler).check(output);
        int exit = Diagnostics.report(c, err);
        spec.commandLine().getOut().println("orrery import: wrote " + output + " (" + c.summary() + ")");
        return exit;
    }

    private int unreadable(String message, PrintWriter err) {
        err.println(new Diagnostic(xml, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE, message)
                .format());
        return OrreryCli.EXIT_INPUT_ERRORS;
    }
}

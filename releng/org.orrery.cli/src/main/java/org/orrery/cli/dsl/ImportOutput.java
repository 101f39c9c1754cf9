// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.ImportException;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.VendorFormat;
import org.orrery.dsl.VendorImport;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;
import org.orrery.toolchain.OutputFile;

import picocli.CommandLine.Model.CommandSpec;

/** What every import command does around its importer: report refusals, write the system, check it. */
final class ImportOutput {

    private ImportOutput() {
    }

    /** Runs {@code format}'s importer on {@code input}, reports its warnings, then writes and checks the system. */
    static int importAndCheck(CommandSpec spec, VendorFormat format, Path input, Path output) {
        PrintWriter err = spec.commandLine().getErr();
        SystemCompiler compiler = SystemCompiler.create();
        VendorImport imported;
        try {
            imported = format.read(input, compiler.keywords());
        } catch (IOException e) {
            return unreadable(input, e, err);
        } catch (ImportException e) {
            return refused(input, e, err);
        }
        imported.warnings().forEach(w -> err.println(w.format()));
        return writeAndCheck(spec, compiler, output, imported.text());
    }

    /** The input file cannot be read. */
    private static int unreadable(Path input, IOException e, PrintWriter err) {
        String why = e instanceof NoSuchFileException ? "no such file." : IoProblems.reason(e);
        err.println(new Diagnostic(input, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE,
                "Cannot read " + input + ": " + why).format());
        return OrreryCli.EXIT_INPUT_ERRORS;
    }

    /** The importer refused the input. */
    private static int refused(Path input, ImportException e, PrintWriter err) {
        err.println(e.toDiagnostic(input).format());
        return OrreryCli.EXIT_INPUT_ERRORS;
    }

    /**
     * Writes the imported system and checks it at once, so what the vendor accepted but Orrery refuses is
     * visible; the exit code is the check's.
     */
    private static int writeAndCheck(CommandSpec spec, SystemCompiler compiler, Path output, String text) {
        String command = "orrery " + spec.name();
        try {
            OutputFile.write(output, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            spec.commandLine().getErr().println(command + ": cannot write " + output + ": " + IoProblems.reason(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        Compiled c = Compile.with(compiler).check(output);
        int exit = Diagnostics.report(c, spec.commandLine().getErr());
        spec.commandLine().getOut().println(command + ": wrote " + output + " (" + c.summary() + ")");
        return exit;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.dsl.arinc.ArincExporter;
import org.orrery.os.config.SystemConfig;
import org.orrery.toolchain.OutputFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery export-arinc}: .orrery → ARINC 653 module configuration XML. */
@Command(name = "export-arinc", mixinStandardHelpOptions = true,
        description = "Export a checked system as an ARINC 653 module configuration (ARINC_653_Module).")
public final class ExportArincCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The .orrery file declaring the system (or a canonical configuration .orcf).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.xml", required = true, description = "XML file to write.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<SystemConfig> config = Diagnostics.configOf(file, err, "orrery export-arinc");
        if (config.isEmpty()) {
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        try {
            byte[] xml = ArincExporter.export(config.get()).getBytes(StandardCharsets.UTF_8);
            OutputFile.write(output, out -> out.write(xml));
        } catch (IOException e) {
            err.println("orrery export-arinc: cannot write " + output + ": " + IoProblems.reason(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        spec.commandLine().getOut().println("orrery export-arinc: wrote " + output);
        return OrreryCli.EXIT_OK;
    }
}

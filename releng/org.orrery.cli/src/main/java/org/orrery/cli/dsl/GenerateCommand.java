// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.SystemConfig;
import org.orrery.toolchain.GeneratedFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery generate}: canonical configuration, reports and typed constants. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the canonical configuration (system.orcf), reports (schedule table, SVG Gantt "
                + "per core, memory map, utilisation) and typed Java constants per partition. Generating into the "
                + "same folder again removes the files an earlier generate wrote that no longer belong (it lists "
                + "them in " + GeneratedFolder.MANIFEST + "); other files are left alone.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The .orrery file declaring the system (or a canonical configuration .orcf).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Output directory.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SystemConfig config = Diagnostics.configOf(file, err, "orrery generate").orElse(null);
        if (config == null) {
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        try {
            GeneratedFolder.Result r = GeneratedFolder.write(SystemGenerator.outputs(config), output);
            spec.commandLine().getOut().println("orrery generate: wrote " + r.written().size() + " files to " + output
                    + (r.removed().isEmpty() ? "" : "; removed " + r.removed().size() + " it had written before that no "
                            + "longer belong"));
            return OrreryCli.EXIT_OK;
        } catch (IOException e) {
            err.println("orrery generate: cannot write " + output + ": " + IoProblems.reason(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (ConfigException e) {
            err.println(new Diagnostic(file, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.CONFIG_INVALID,
                    e.getMessage()).format());
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
    }
}

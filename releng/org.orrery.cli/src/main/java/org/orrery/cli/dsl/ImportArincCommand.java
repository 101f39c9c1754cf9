// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.orrery.dsl.VendorFormat;

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
        return ImportOutput.importAndCheck(spec, VendorFormat.ARINC_653, xml, output);
    }
}

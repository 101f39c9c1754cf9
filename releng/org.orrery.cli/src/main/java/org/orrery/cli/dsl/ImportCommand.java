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

/** {@code orrery import}: XtratuM XM_CF → .orrery. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an XtratuM XM_CF configuration (SystemDescription) as an .orrery system, then "
                + "check the result. What Orrery cannot represent (I/O ports, interrupts, trace and console devices, "
                + "partition start-up flags) is reported as a warning naming its line.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.xml", description = "The XM_CF file.")
    Path xml;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.orrery", required = true, description = "File to write.")
    Path output;

    @Override
    public Integer call() {
        return ImportOutput.importAndCheck(spec, VendorFormat.XTRATUM_XMCF, xml, output);
    }
}

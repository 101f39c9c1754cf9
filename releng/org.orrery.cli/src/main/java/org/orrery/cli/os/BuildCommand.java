// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.concurrent.Callable;

import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.cli.dsl.Diagnostics;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.os.config.ConfigException;
import org.orrery.os.image.BuildResult;
import org.orrery.os.image.ImageBuildException;
import org.orrery.os.image.SigningKeys;
import org.orrery.toolchain.Build;
import org.orrery.toolchain.BuildDiagnostics;
import org.orrery.toolchain.BuildLayout;
import org.orrery.toolchain.Compiled;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery build}: system description → signed image. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a signed image (.oimg) from a system description: configuration, partition "
                + "applications (compiled here) and the OS modules.")
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SYSTEM", description = "system.orrery (or a canonical configuration .orcf).")
    Path system;

    @Option(names = {"-o", "--output"}, paramLabel = "IMAGE",
            description = "Image file to write (default: build/<system name>.oimg).")
    Path output;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Ed25519 private key (default: ~/.orrery/keys/orrery-signing.key; $ORRERY_HOME/keys when set).")
    Path key;

    @Option(names = "--unsigned", description = "Build without signing (`orrery run` refuses such images).")
    boolean unsigned;

    @Option(names = "--security-counter", paramLabel = "N", defaultValue = "0",
            description = "Anti-rollback counter recorded in the manifest (default: ${DEFAULT-VALUE}).")
    long securityCounter;

    @Mixin
    ApplicationsOption applications;

    @Option(names = "--os-module", paramLabel = "BUNDLE",
            description = "OS module to include, repeatable (default: the modules a sim image boots with: "
                    + "api, config, trace, kernel, bsp.sim).")
    List<String> osModules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (unsigned && key != null) {
            err.println("orrery build: --key and --unsigned exclude each other");
            return OrreryCli.EXIT_USAGE;
        }
        if (securityCounter < 0) {
            err.println("orrery build: --security-counter must be >= 0");
            return OrreryCli.EXIT_USAGE;
        }
        PrivateKey privateKey = null;
        if (!unsigned) {
            Path k = key != null ? key : KeyLocations.defaultPrivate();
            if (key == null && !Files.exists(k)) {
                err.println("orrery build: no signing key: pass --key, create one with `orrery keygen` (writes "
                        + KeyLocations.defaultDir() + "), or build with --unsigned");
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
            try {
                privateKey = SigningKeys.readPrivate(k);
            } catch (IOException e) {
                err.println("orrery build: " + e.getMessage());
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
        }
        Compiled compiled = Diagnostics.system(system, err, "orrery build", "no image built").orElse(null);
        if (compiled == null) {
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        Build build = applications.applyTo(Build.of(compiled).signedWith(privateKey).securityCounter(securityCounter)
                .osModules(osModules, null));
        if (output == null) {
            output = BuildLayout.defaultImage(Path.of(""), build.config());
        }
        try {
            BuildResult r = build.to(output);
            r.warnings().forEach(w -> err.println("orrery build: warning: " + w));
            out.printf("wrote %s: %d bytes, system %s, %s%n", output, r.bytes().length, build.config().name(),
                    privateKey == null ? "UNSIGNED" : "signed by " + SigningKeys.fingerprintHex(
                            SigningKeys.publicKeyOf(privateKey)).substring(0, 16) + "...");
            out.printf("  kernel+API classes: %d bytes (%d bytes as jars); all OS modules: %d bytes (%d bytes as jars)%n",
                    r.kernelAndApiClassBytes(), r.kernelAndApiJarBytes(), r.osClassBytes(), r.osJarBytes());
            r.classBytes().forEach((m, b) -> out.printf("    %-24s %7d bytes of classes%n", m, b));
            List<String> apps = r.manifest().entries().stream().map(e -> e.name())
                    .filter(n -> n.startsWith("apps/")).toList();
            out.println("  applications: " + (apps.isEmpty() ? "none" : String.join(", ", apps)));
            return OrreryCli.EXIT_OK;
        } catch (ImageBuildException e) {
            BuildDiagnostics.lines(e, system).forEach(err::println);
            applications.explainMissing(build, system, err, "orrery build");
            err.println("orrery build: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                    + "; no image written");
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (IOException e) {
            err.println("orrery build: cannot write " + output + ": " + IoProblems.reason(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (ConfigException e) {
            err.println(new Diagnostic(system, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.CONFIG_INVALID,
                    e.getMessage()).format());
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
    }
}

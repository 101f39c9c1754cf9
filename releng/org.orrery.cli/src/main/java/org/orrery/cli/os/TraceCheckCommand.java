// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.cli.dsl.Diagnostics;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.image.SigningKeys;
import org.orrery.toolchain.BuildLayout;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;
import org.orrery.toolchain.TraceCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orrery trace check SYSTEM|IMAGE TRACE}: did a recorded run follow its configured schedule? This class
 * only finds the configuration; {@link TraceCheck} (shared with Studio) does the check and words the result.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a trace written by `orrery run --trace` against the schedule of a system "
                + "description or image.",
            "Prints one line per deviation, `[seconds] core N KIND: message` (kinds: LATE_START, EARLY_START, "
                + "SHORT_WINDOW, OVERRUN, WRONG_PARTITION, UNEXPECTED_WINDOW, MISSING_WINDOW), then a `summary:` "
                + "line. Exit 0: the run conforms; 1: it deviates, or an input cannot be read; 2: usage."})
public final class TraceCheckCommand implements Callable<Integer> {

    private static final String PREFIX = "orrery trace check: ";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SYSTEM|IMAGE",
            description = "The configuration the run should have followed: system.orrery, a canonical .orcf, "
                    + "or an image (.oimg).")
    Path system;

    @Parameters(index = "1", paramLabel = "TRACE", description = "Trace folder written by `orrery run --trace`.")
    Path trace;

    @Option(names = "--key", paramLabel = "PUB",
            description = "Verify IMAGE's signature with this public key before reading its configuration. "
                    + "Without it the configuration is read unverified: the image's digest is checked, not who "
                    + "signed it.")
    Path key;

    @Option(names = "--tolerance", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How far a window may open from its configured offset before it is late or early "
                    + "(default: exact, as on the sim board; hosted boards need some).")
    Long toleranceNs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean image = system.getFileName().toString().endsWith(BuildLayout.IMAGE_EXTENSION);
        if (key != null && !image) {
            err.println(PREFIX + "--key verifies an image; " + system + " is not one (" + BuildLayout.IMAGE_EXTENSION
                    + ")");
            return OrreryCli.EXIT_USAGE;
        }
        Optional<SystemConfig> config = image ? imageConfig(err) : systemConfig(err);
        if (config.isEmpty()) {
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        if (!Files.isDirectory(trace)) {
            err.println(PREFIX + trace + ": no such trace folder");
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        try {
            TraceCheck.Result result = toleranceNs == null ? TraceCheck.check(config.get(), trace)
                    : TraceCheck.check(config.get(), trace, toleranceNs);
            out.print(result.format());
            out.flush();
            return result.conforms() ? OrreryCli.EXIT_OK : OrreryCli.EXIT_INPUT_ERRORS;
        } catch (IOException e) {
            err.println(PREFIX + IoProblems.describe(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
    }

    private Optional<SystemConfig> systemConfig(PrintWriter err) {
        if (!Compile.isSystemDescription(system)) {
            err.println(PREFIX + system + ": not a system description or image (expected " + Compile.ORRERY_EXTENSION
                    + ", " + Compile.CONFIG_EXTENSION + " or " + BuildLayout.IMAGE_EXTENSION + ")");
            return Optional.empty();
        }
        return Diagnostics.system(system, err, "orrery trace check", "nothing checked").flatMap(Compiled::config);
    }

    /**
     * Only the configuration is read and nothing in the image runs, so an unverified read is safe; it is still
     * said on stderr, since a check against an image nobody vouches for proves less.
     */
    private Optional<SystemConfig> imageConfig(PrintWriter err) {
        if (!Files.isRegularFile(system)) {
            err.println(PREFIX + system + ": no such image");
            return Optional.empty();
        }
        PublicKey trusted = null;
        if (key != null) {
            try {
                trusted = SigningKeys.readPublic(key);
            } catch (IOException e) {
                err.println(PREFIX + IoProblems.about(key, e));
                return Optional.empty();
            }
        }
        try {
            if (trusted != null) {
                return Optional.of(LoadedImage.load(system, trusted, 0).config());
            }
            String name = system.toString();
            LoadedImage loaded = LoadedImage.of(ImageVerifier.inspect(Files.readAllBytes(system), name), name);
            err.println(PREFIX + "note: " + system + ": signature not verified (pass --key PUB to verify it)");
            return Optional.of(loaded.config());
        } catch (IOException e) {
            err.println(PREFIX + IoProblems.about(system, e));
        } catch (ImageException e) {
            err.println(PREFIX + e.getMessage());
        }
        return Optional.empty();
    }
}

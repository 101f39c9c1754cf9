// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;

import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.cli.dsl.Diagnostics;
import org.orrery.os.config.ConfigException;
import org.orrery.os.image.ImageBuildException;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.toolchain.Boards;
import org.orrery.toolchain.Build;
import org.orrery.toolchain.BuildDiagnostics;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;
import org.orrery.toolchain.ImageRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery run}: verify an image, boot it on a board, show what it did. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Verify a signed image and boot it on a board; prints partition console output and a "
                + "schedule summary (windows run, overruns, HM events). A system.orrery is built in memory first.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "Image (.oimg), or a system.orrery / .orcf to build and run.")
    Path input;

    @Option(names = "--board", paramLabel = "BOARD", description = "Board to run on (default: the system's board).")
    String board;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to run, in board time (default: ${DEFAULT-VALUE}; units ns, us, ms, s, m).")
    long durationNs;

    @Option(names = "--trace", paramLabel = "DIR", description = "Write a CTF 1.8 trace of the run to DIR.")
    Path traceDir;

    @Mixin
    ApplicationsOption applications;

    @Option(names = "--key", paramLabel = "PUB",
            description = "Trusted public key (default: ~/.orrery/keys/orrery-signing.pub; $ORRERY_HOME/keys when set).")
    Path key;

    @Option(names = "--min-security-counter", paramLabel = "N", defaultValue = "0",
            description = "Refuse images whose security counter is lower (anti-rollback).")
    long minCounter;

    @Option(names = "--watchdog", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Hosted board only: run the board under its watchdog, a supervisor process that resets it "
                    + "(kills and boots the image again) when window edges stop opening on time for TIME.")
    Long watchdogNs;

    @Option(names = "--guard-ms", paramLabel = "MS", hidden = true,
            description = "Time a process may keep a core between kernel calls: wall clock on sim, window time less the "
                    + "partition's wait for the host's processors on hosted (default: the board's).")
    Long guardMs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCounter < 0) {
            // Counters start at 0 (build refuses less), so a negative minimum is a typo, not a weaker check.
            err.println("orrery run: --min-security-counter must be >= 0");
            return OrreryCli.EXIT_USAGE;
        }
        Bootable bootable = Compile.isSystemDescription(input) ? buildInMemory(err) : verified(err);
        if (bootable == null) {
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        LoadedImage image = bootable.image();
        String boardName = board != null ? board : image.config().board().name();
        BoardSupport target = Boards.named(boardName).orElse(null);
        if (target == null) {
            err.println("orrery run: board '" + boardName + "' is not available in this build (boards: "
                    + Boards.names() + "); pass --board sim to simulate it");
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        if (watchdogNs != null && System.getenv(BoardWatchdogLauncher.SOCKET_VARIABLE) == null) {
            if (!"hosted".equals(target.name())) {
                err.println("orrery run: --watchdog needs --board hosted (the simulated board has no real time to lose)");
                return OrreryCli.EXIT_USAGE;
            }
            return BoardWatchdogLauncher.supervise(watchdogNs, out, err);
        }
        if (guardMs != null && guardMs <= 0) {
            err.println("orrery run: --guard-ms must be > 0");
            return OrreryCli.EXIT_USAGE;
        }
        if (traceDir != null && !Files.isDirectory(traceDir)) {
            // Here rather than in the board process, whose failure reaches us as the JDK's message: the bare path.
            try {
                Files.createDirectories(traceDir);
            } catch (IOException e) {
                err.println("orrery run: cannot write the trace to " + traceDir + ": " + IoProblems.reason(e));
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
        }
        try (ShutdownStop interrupted = new ShutdownStop()) {
            // The image boots in a board process of its own, on the kernel it carries.
            ImageRun run = ImageRun.of(bootable.bytes(), input.toString(), target.name()).echo(out::println)
                    .errors(err::println).traceTo(traceDir).stopWhen(interrupted);
            if (bootable.key() != null) {
                run.verifiedWith(bootable.key(), minCounter);
            }
            if (guardMs != null) {
                run.guardMillis(guardMs);
            }
            out.print(run.run(durationNs).report());
            out.flush();
            return OrreryCli.EXIT_OK;
        } catch (ConfigException e) {
            err.println("orrery run: " + e.getMessage());
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (IOException e) {
            err.println("orrery run: cannot write the trace to " + traceDir + ": " + IoProblems.reason(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (BoardException e) {
            err.println("orrery run: board " + target.name() + ": " + e.getMessage());
            return OrreryCli.EXIT_BOARD;
        }
    }

    /** An image as this process checked it: its bytes, what they hold, and the key they were verified with (null: built here). */
    private record Bootable(byte[] bytes, LoadedImage image, Path key) {}

    private Bootable verified(PrintWriter err) {
        if (!Files.exists(input)) {
            err.println("orrery run: " + input + ": no such image");
            return null;
        }
        Path k = key != null ? key : KeyLocations.defaultPublic();
        if (key == null && !Files.exists(k)) {
            err.println("orrery run: no trusted public key: pass --key, or create a key pair with `orrery keygen` ("
                    + KeyLocations.defaultDir() + ")");
            return null;
        }
        // Read apart, so that a failure names the file it is about: reading a directory says only "Is a directory".
        PublicKey trusted;
        try {
            trusted = SigningKeys.readPublic(k);
        } catch (IOException e) {
            err.println("orrery run: " + IoProblems.about(k, e));
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(input);
        } catch (IOException e) {
            err.println("orrery run: " + IoProblems.about(input, e));
            return null;
        }
        try {
            String name = input.toString();
            return new Bootable(bytes, LoadedImage.of(ImageVerifier.verify(bytes, name, trusted, minCounter), name), k);
        } catch (ImageException e) {
            err.println("orrery run: " + e.getMessage());
        }
        return null;
    }

    /**
     * A system description is built in this process; its unsigned image goes only to the board process this run
     * starts, through a folder only this user can read.
     */
    private Bootable buildInMemory(PrintWriter err) {
        Compiled compiled = Diagnostics.system(input, err, "orrery run", "nothing to run").orElse(null);
        if (compiled == null) {
            return null;
        }
        Build build = applications.applyTo(Build.of(compiled));
        try {
            Build.Loaded built = build.inMemory();
            built.result().warnings().forEach(w -> err.println("orrery run: warning: " + w));
            return new Bootable(built.result().bytes(), built.image(), null);
        } catch (ImageBuildException e) {
            BuildDiagnostics.lines(e, input).forEach(err::println);
            applications.explainMissing(build, input, err, "orrery run");
            err.println("orrery run: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                    + "; nothing to run");
        } catch (ImageException e) {
            err.println("orrery run: " + e.getMessage());
        }
        return null;
    }
}

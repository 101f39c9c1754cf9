// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain.internal;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.orrery.os.config.ConfigException;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.toolchain.Boards;
import org.orrery.toolchain.Run;
import org.orrery.toolchain.internal.RunProtocol.Failure;

/**
 * The board process of {@link org.orrery.toolchain.ImageRun}: {@code RunChild IMAGE KEY|- MIN_COUNTER BOARD
 * DURATION_NS TRACE|- GUARD_NS}. Its class path holds the image's own OS modules in place of the toolchain's, so
 * the kernel that runs is the one the image carries. It verifies the image again when given a key (it boots
 * nothing it has not checked itself), runs it with {@link Run} and speaks {@link RunProtocol} on stdout. Its stdin
 * is a lifeline: {@code stop} ends the run at the next slice; end of input (the parent is gone) does too.
 */
public final class RunChild {

    /** How long a run whose parent vanished may take to wind down before the process halts. */
    private static final long ORPHAN_GRACE_MS = 10_000;

    private static volatile boolean stop;
    private static final CountDownLatch ENDED = new CountDownLatch(1);

    private RunChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Nothing but the protocol goes to stdout: stray prints of the board go to stderr.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Thread lifeline = new Thread(RunChild::listen, "run-lifeline");
        lifeline.setDaemon(true);
        lifeline.start();
        // Ctrl-C reaches the whole process group, this process too: stop as the parent asks, keep the trace.
        Runtime.getRuntime().addShutdownHook(new Thread(RunChild::stopAndWait, "run-shutdown"));
        int status;
        try {
            status = run(args, out);
        } catch (LinkageError e) {
            // Run and the board classes come from the image: one built by another Orrery may lack what this
            // toolchain calls, a damaged one cannot be loaded at all.
            out.println(RunProtocol.failed(Failure.IMAGE, "the OS modules it carries cannot be loaded by this "
                    + "toolchain (" + e + "); an image built by another version of Orrery needs rebuilding"));
            status = 2;
        }
        out.flush();
        ENDED.countDown();
        System.exit(status);
    }

    private static void stopAndWait() {
        stop = true;
        try {
            ENDED.await(ORPHAN_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int run(String[] args, PrintStream out) {
        Path image = Path.of(args[0]);
        LoadedImage loaded;
        try {
            loaded = args[1].equals("-")
                    ? LoadedImage.of(ImageVerifier.inspect(Files.readAllBytes(image), image.toString()), image.toString())
                    : LoadedImage.load(image, SigningKeys.readPublic(Path.of(args[1])), Long.parseLong(args[2]));
        } catch (ImageException | IOException e) {
            out.println(RunProtocol.failed(Failure.IMAGE, e.getMessage()));
            return 2;
        }
        BoardSupport board = Boards.named(args[3]).orElse(null);
        if (board == null) {
            out.println(RunProtocol.failed(Failure.BOARD, "board '" + args[3] + "' is not available in this build (boards: "
                    + Boards.names() + ")"));
            return 3;
        }
        Run run = Run.of(loaded, board).echo(line -> out.println(RunProtocol.CONSOLE + RunProtocol.escape(line)))
                .stopWhen(() -> stop).traceTo(args[5].equals("-") ? null : Path.of(args[5]));
        long guardNs = Long.parseLong(args[6]);
        if (guardNs > 0) {
            run.guardMillis(guardNs / 1_000_000L);
        }
        try {
            Run.Outcome outcome = run.run(Long.parseLong(args[4]));
            for (String line : outcome.report().split("\\R")) {
                out.println(RunProtocol.REPORT + RunProtocol.escape(line));
            }
            if (outcome.stopped()) {
                out.println(RunProtocol.STOPPED);
            }
            return 0;
        } catch (ConfigException e) {
            out.println(RunProtocol.failed(Failure.CONFIG, e.getMessage()));
            return 2;
        } catch (IOException e) {
            out.println(RunProtocol.failed(Failure.TRACE, e.getMessage()));
            return 2;
        } catch (BoardException e) {
            out.println(RunProtocol.failed(Failure.BOARD, e.getMessage()));
            return 3;
        }
    }

    private static void listen() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals(RunProtocol.STOP)) {
                    stop = true;
                }
            }
        } catch (IOException e) {
            // a broken pipe is the parent gone, as end of input
        }
        stop = true;
        try {
            Thread.sleep(ORPHAN_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(4);
    }
}

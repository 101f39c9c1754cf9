// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.OperatorDesk;
import org.orrery.os.kernel.RunSummary;

/**
 * The boot child: {@code BootMain IMAGE KEY BOARD}. Verifies the slot's image again (a bootloader never boots
 * bytes it has not checked itself), boots it on the board and reports in {@link ChildLine}s. Its stdin carries
 * operator commands ({@link CommandChannel}); it runs until its stdin closes, which is how it dies with the agent
 * even after a kill -9 of the agent's JVM. The sim
 * board runs in virtual time as fast as the CPU allows; here it is paced to real time, so a deployed board
 * does not burn a core and a 100 ms major frame takes about 100 ms.
 */
public final class BootMain {

    static final String HOSTED = "org.orrery.os.bsp.hosted.HostedBoardSupport";

    /** Set when the agent let go of us: the board stops at its next slice and cleans up. */
    private static volatile boolean stop;

    private BootMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        OperatorDesk desk = new OperatorDesk();
        CommandChannel.start(System.in, desk, line -> {
            synchronized (out) {
                out.println(line);
            }
        }, BootMain::agentGone);
        try {
            int status = run(Path.of(args[0]), Path.of(args[1]), args[2], desk, out);
            out.flush();
            // A normal exit (not halt) so a JVM started with -XX:+AutoCreateSharedArchive writes its archive.
            System.exit(status);
        } catch (RuntimeException | Error e) {
            synchronized (out) {
                out.println(ChildLine.error("board failed: " + e));
            }
            Runtime.getRuntime().halt(3);
        }
    }

    private static int run(Path image, Path key, String boardName, OperatorDesk desk, PrintStream out) {
        LoadedImage loaded;
        BoardSupport board;
        try {
            loaded = LoadedImage.load(image, SigningKeys.readPublic(key), 0);
            board = board(boardName);
        } catch (ImageException | IOException | ReflectiveOperationException | IllegalArgumentException e) {
            out.println(ChildLine.error(e.getMessage()));
            return 2;
        }
        Object lock = out;
        FrameJudge judge = new FrameJudge(loaded.config(), line -> {
            synchronized (lock) {
                out.println(line);
            }
        });
        LiveTrace live = liveTrace(loaded, board.name(), judge);
        CpuReport cpu = new CpuReport(desk, judge.frameNs(), line -> {
            synchronized (lock) {
                out.println(line);
            }
        });
        long wallStart = System.nanoTime();
        BooleanSupplier pace = () -> {
            judge.drained();
            cpu.due(judge.latestNs());
            if (live != null) {
                live.tick();
            }
            if (stop) {
                return true;
            }
            long ahead = judge.latestNs() - (System.nanoTime() - wallStart);
            if (ahead > 0) {
                try {
                    Thread.sleep(ahead / 1_000_000L, (int) (ahead % 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return false;
        };
        out.println(ChildLine.booted(loaded.config().name(), board.name()));
        try {
            RunSummary summary = board.boot(new BootRequest(loaded.config(), loaded.osModules(), loaded.applicationJars(),
                    Long.MAX_VALUE / 4, line -> {
                        synchronized (lock) {
                            out.println(ChildLine.console(line));
                        }
                    }, pace, live != null ? live : judge, 0, desk));
            judge.drained();
            closeQuietly(live);
            if (stop) {
                return 0;
            }
            out.println(ChildLine.ended("the system stopped at " + summary.endTimeNs() / 1_000_000L + " ms of board time"));
            return 0;
        } catch (Exception e) {
            closeQuietly(live);
            out.println(ChildLine.error("board failed: " + (e.getMessage() != null ? e.getMessage() : e.toString())));
            return 3;
        }
    }

    /**
     * The live trace in {@link TraceRing#DIR} (the agent tails it), or null when it cannot be had: the board runs
     * without it rather than not at all (an image whose trace module predates live tracing, a full disk).
     */
    private static LiveTrace liveTrace(LoadedImage image, String board, FrameJudge judge) {
        try {
            return LiveTrace.open(Path.of(TraceRing.DIR), image, board, judge);
        } catch (IOException | LinkageError e) {
            System.err.println("no live trace: " + e);
            return null;
        }
    }

    private static void closeQuietly(LiveTrace live) {
        if (live != null) {
            try {
                live.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("live trace: " + e);
            }
        }
    }

    private static BoardSupport board(String name) throws ReflectiveOperationException {
        if (name.equals(SimBoardSupport.NAME)) {
            return new SimBoardSupport();
        }
        if (name.equals("hosted")) {
            if (Runtime.version().feature() < 22) {
                throw new IllegalArgumentException("the hosted board needs Java 22 or later, this is " + Runtime.version());
            }
            return (BoardSupport) Class.forName(HOSTED).getConstructor().newInstance();
        }
        throw new IllegalArgumentException("unknown board '" + name + "' (sim, hosted)");
    }

    /**
     * The agent holds our stdin open (and sends operator commands on it); when it closes (agent gone, or asked to
     * stop) the board stops at once.
     */
    private static void agentGone() {
        stop = true;
        try {
            // A board stuck in a slice gets a moment to clean up its partition processes, then goes.
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(0);
    }
}

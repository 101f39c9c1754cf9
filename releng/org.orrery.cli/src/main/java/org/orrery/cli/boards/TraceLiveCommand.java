// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.orrery.cli.OrreryCli;
import org.orrery.cli.os.DurationConverter;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.BoardRegistry.Board;
import org.orrery.os.agent.client.TraceDirectory;
import org.orrery.os.agent.client.TraceStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orrery trace live BOARD -o DIR}: saves a running board's trace as it happens, through the board's agent
 * (monitor role). DIR is a CTF 1.8 trace at every moment (metadata first, whole packets appended), so a viewer can
 * follow it while it grows.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Follow a running board's trace through its agent and save it as a CTF 1.8 trace directory "
                + "while it arrives (needs the monitor role).",
            "Ends after --duration, on Ctrl-C, or when the board stops; prints one summary line with the events, "
                + "packets and discarded events. Exit 0, or 1 when the board ended the stream with an error."})
public final class TraceLiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BOARD", description = "The board's name in the registry.")
    String boardName;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Trace directory to write (created; an existing one must be empty or hold a trace).")
    Path dir;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop after TIME, e.g. 10s (default: until interrupted or the board stops).")
    Long durationNs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TraceDirectory saved = new TraceDirectory(dir)) {
            Board board = BoardsCommand.registry().get(boardName);
            TraceStream.End end;
            try (AgentClient c = AgentClient.connect(board.name(), board.socketAddress(), board.fingerprint(),
                    BoardsCommand.me())) {
                TraceStream stream = c.followTrace(saved);
                // Ctrl-C ends the stream the same way --duration does: the board sends its last packets and the counts
                Thread hook = new Thread(() -> {
                    stream.stop();
                    try {
                        stream.await(Duration.ofSeconds(5));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "orrery-trace-live-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    end = durationNs == null ? stream.await(Duration.ofDays(365_000))
                            : stream.await(Duration.ofNanos(durationNs));
                    if (end == null) {
                        stream.stop();
                        end = stream.await(Duration.ofSeconds(30));
                    }
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook runs already
                    }
                }
            }
            if (end == null) {
                err.println("orrery trace live: board " + boardName + " did not end the stream within 30 s of being asked;"
                        + " " + dir + " holds what arrived");
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
            long discarded = Math.max(end.discarded(), saved.discarded());
            out.println("trace live: " + saved.events() + " events in " + saved.packets() + " packets, " + discarded
                    + " discarded, saved in " + dir + " (" + end.reason() + ")");
            out.flush();
            if (end.error()) {
                err.println("orrery trace live: " + end.reason());
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
            return OrreryCli.EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (IOException | IllegalArgumentException e) {
            return BoardsCommand.fail(err, "trace live", e);
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.orrery.cli.OrreryCli;
import org.orrery.cli.os.DurationConverter;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.os.agent.client.BoardRegistry.Board;
import org.orrery.os.agent.client.FlashListener;
import org.orrery.os.agent.client.StatusSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery flash IMAGE --board NAME}: upload, install, and wait until the board confirms the image good. */
@Command(name = "flash", mixinStandardHelpOptions = true,
        description = {"Flash a signed image to a board of the registry: upload (resuming an interrupted upload), "
                + "install in the inactive slot, trial boot. Exits 0 once the board confirms the image good, 1 when the "
                + "board refuses it or rolls it back (printing the board's reason)."})
public final class FlashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "The signed image (.oimg).")
    Path image;

    @Option(names = "--board", paramLabel = "NAME", required = true, description = "The board's name in the registry.")
    String boardName;

    @Option(names = "--allow-downgrade",
            description = "Accept an image with a lower security counter than the board's (logged on the board).")
    boolean allowDowngrade;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to wait for the board's verdict on the trial (default: ${DEFAULT-VALUE}).")
    long timeoutNs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            BoardRegistry reg = BoardsCommand.registry();
            Board board = reg.get(boardName);
            ProgressBar bar = new ProgressBar(out, Terminal.interactive());
            try (AgentClient c = AgentClient.connect(board.name(), board.socketAddress(), board.fingerprint(), BoardsCommand.me())) {
                Verdict v = c.flash(image, allowDowngrade, new FlashListener() {
                    @Override
                    public void uploadStarted(long offset, long size) {
                        if (offset > 0) {
                            out.println("resuming the upload at " + offset + " of " + size + " bytes");
                        }
                        bar.update(offset, size);
                    }

                    @Override
                    public void uploaded(long done, long size) {
                        bar.update(done, size);
                    }

                    @Override
                    public void installing() {
                        out.println("board " + board.name() + ": verifying and installing");
                    }

                    @Override
                    public void installed(SlotInfo slot) {
                        out.println("board " + board.name() + ": slot " + slot.name() + " booted on trial; waiting for its verdict");
                        out.flush();
                    }
                }, () -> false, Duration.ofNanos(timeoutNs));
                remember(reg, board, c);
                return switch (v.outcome()) {
                    case CONFIRMED -> {
                        out.println("board " + board.name() + ": image confirmed good" + (v.reason() == null ? "" : " (" + v.reason() + ")"));
                        yield OrreryCli.EXIT_OK;
                    }
                    case ROLLED_BACK -> {
                        err.println("orrery flash: board " + board.name() + " rolled back to the previous image: " + v.reason());
                        yield OrreryCli.EXIT_INPUT_ERRORS;
                    }
                    case PENDING -> {
                        err.println("orrery flash: board " + board.name() + " had not decided after " + Duration.ofNanos(timeoutNs).toSeconds()
                                + " s (" + v.reason() + "); `orrery boards list` shows the outcome later");
                        yield OrreryCli.EXIT_INPUT_ERRORS;
                    }
                };
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("orrery flash: interrupted; the board keeps what it received and resumes on the next flash");
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (IOException | IllegalArgumentException e) {
            return BoardsCommand.fail(err, "flash", e);
        }
    }

    /** The registry shows the truth after a flash when this key may read it; a flash-only key leaves it as it was. */
    private static void remember(BoardRegistry reg, Board board, AgentClient c) {
        try {
            reg.update(board.seen(Instant.now(), StatusSnapshot.of(c.status())));
        } catch (AgentException e) {
            // not a monitor: nothing to record
        } catch (IOException e) {
            // the registry stays as it was; the flash result stands
        }
    }
}

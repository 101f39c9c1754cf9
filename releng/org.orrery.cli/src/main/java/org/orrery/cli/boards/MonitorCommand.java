// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.orrery.cli.OrreryCli;
import org.orrery.cli.os.DurationConverter;
import org.orrery.os.agent.CpuUse;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.BoardRegistry.Board;
import org.orrery.os.agent.client.StatusSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery monitor NAME}: the board's events (partition modes, health monitor, plans, slots, console, CPU) as they happen. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Stream a board's events: partition mode changes, health-monitor events, plan switches, slot changes, "
                + "console lines, and each partition's CPU use in its last window (once per major frame).")
public final class MonitorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The board's name in the registry.")
    String boardName;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop after TIME (default: until interrupted or the board goes away).")
    Long durationNs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Board board = BoardsCommand.registry().get(boardName);
            CountDownLatch ended = new CountDownLatch(1);
            AtomicReference<AgentException> why = new AtomicReference<>();
            try (AgentClient c = AgentClient.connect(board.name(), board.socketAddress(), board.fingerprint(), BoardsCommand.me())) {
                // Events arrive on the client's reader thread, which starts before the status can be printed here:
                // they wait for it, so the status is always the first line.
                CountDownLatch statusPrinted = new CountDownLatch(1);
                var now = c.subscribe(e -> {
                    try {
                        statusPrinted.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    synchronized (out) {
                        CpuUse cpu = CpuUse.of(e);
                        out.println(Instant.ofEpochMilli(e.timeMillis()) + " " + e.kind() + " "
                                + (cpu == null ? e.text() : cpu));
                        out.flush();
                    }
                }, e -> {
                    why.set(e);
                    ended.countDown();
                });
                synchronized (out) {
                    out.println(StatusSnapshot.of(now));
                    out.flush();
                }
                statusPrinted.countDown();
                if (durationNs == null) {
                    ended.await();
                } else {
                    ended.await(Duration.ofNanos(durationNs).toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            if (why.get() != null) {
                err.println("orrery monitor: " + why.get().getMessage());
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
            return OrreryCli.EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OrreryCli.EXIT_OK;
        } catch (IOException | IllegalArgumentException e) {
            return BoardsCommand.fail(err, "monitor", e);
        }
    }
}

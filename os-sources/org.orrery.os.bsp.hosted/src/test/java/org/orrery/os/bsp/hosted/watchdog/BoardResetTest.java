// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.watchdog.SupervisorRun.awaitLog;
import static org.orrery.os.bsp.hosted.watchdog.SupervisorRun.pid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.hosted.BoardMain;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Outcome;

/**
 * The hosted board under its watchdog: the kernel process kicks the supervisor at every window edge that opens on
 * time; stopped with SIGSTOP, it stops kicking, the supervisor resets the board (kills the kernel and its partition
 * processes, boots it again) and the board comes back on its own, saying that it was reset.
 */
class BoardResetTest {
    private static final Duration BOOT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aStoppedKernelIsResetAndTheBoardComesBackOnItsOwn() throws Exception {
        Path log = dir.resolve("board.log");
        BoardWatchdog.Settings settings = SupervisorRun.settings(dir, 1000,
                TestJvm.kernelCommand(BoardMain.class, log.toString(), "8000")).withBootTimeout(BOOT);
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            List<String> first = awaitLog(log, l -> l.stream().anyMatch(x -> x.contains("tick 10")), BOOT);
            long stopped = pid(first, "boot", 0);
            SupervisorRun.signal("STOP", stopped);

            Pattern reset = Pattern.compile(".*resetting the board \\(reset 1\\).*");
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (run.lines().stream().noneMatch(l -> reset.matcher(l.text()).matches())
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            run.line(reset);
            List<String> second = awaitLog(log, l -> l.stream().filter(x -> x.startsWith("boot ")).count() == 2
                    && l.stream().anyMatch(x -> x.contains("reset by its watchdog before this boot (reset 1, cause "
                            + WatchdogProtocol.CAUSE_WATCHDOG + ")"))
                    && l.stream().filter(x -> x.contains("tick 10")).count() >= 2, BOOT);
            assertNotEquals(stopped, pid(second, "boot", 1));
            assertTrue(ProcessHandle.of(stopped).map(p -> !p.isAlive()).orElse(true), "the stopped kernel is gone");

            Outcome outcome = run.await(BOOT);
            assertEquals(0, outcome.status(), outcome.toString());
            assertEquals(1, outcome.resets(), outcome.toString());
            assertTrue(awaitLog(log, l -> l.stream().anyMatch(x -> x.startsWith("summary ")), BOOT).stream()
                    .anyMatch(x -> x.startsWith("summary time 8.")), "the second boot ran its whole run");
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.watchdog.SupervisorRun.awaitLog;
import static org.orrery.os.bsp.hosted.watchdog.SupervisorRun.gone;
import static org.orrery.os.bsp.hosted.watchdog.SupervisorRun.pid;
import static org.orrery.os.bsp.hosted.watchdog.SupervisorRun.readLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Ending;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Outcome;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Settings;

/**
 * The supervisor against real kernel processes (small JVMs running {@link TestKernel}, or shell commands) over
 * its real socket. Timeouts are small; the margins are for a loaded 2-core machine, where starting a JVM alone
 * can take a second.
 */
class BoardWatchdogTest {
    /** How late a reset may come after the deadline on a loaded machine (scheduling, the selector's wake-up). */
    private static final long MARGIN_MS = 800;
    private static final Duration JVM_BOOT = Duration.ofSeconds(4);
    private static final Duration TEST_MAX = Duration.ofSeconds(15);
    /**
     * Timeout for tests whose subject is not a missed kick: a test kernel is an ordinary JVM on a machine shared
     * with other builds and has been seen to miss 260 ms of kicks (the real kernel kicks from a SCHED_FIFO thread).
     */
    private static final long LENIENT_MS = 1500;

    @TempDir
    Path dir;

    private Path log() {
        return dir.resolve("kernel.log");
    }

    private List<String> kernel(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "log=" + log();
        System.arraycopy(args, 0, all, 1, args.length);
        return TestJvm.kernelCommand(TestKernel.class, all);
    }

    @Test
    void healthyKernelEndsTheSupervisorWithItsStatusAndNoReset() throws Exception {
        Path device = Files.createFile(dir.resolve("fake-watchdog-device"));
        // the kernel runs for three timeouts: only its kicks keep it from being reset (a timeout well above the
        // 260 ms an ordinary JVM has been seen to miss here, yet below the run)
        Settings settings = SupervisorRun.settings(dir, 1000, kernel("every=10", "run=3000"))
                .withBootTimeout(JVM_BOOT).withDevice(Optional.of(device), Duration.ofMillis(50));
        Outcome outcome;
        long elapsedMs;
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            outcome = run.await(TEST_MAX);
            elapsedMs = (System.nanoTime() - run.startNanos) / 1_000_000;
        }
        assertEquals(new Outcome(Ending.KERNEL_EXITED, 0, 0,
                "board watchdog: the kernel ended with status 0 after a clean stop; the board is down"), outcome);
        List<String> boots = readLog(log()).stream().filter(l -> l.startsWith("boot ")).toList();
        assertEquals(1, boots.size(), boots.toString());
        assertTrue(boots.get(0).endsWith(" 0 -"), "first boot: no resets, no cause: " + boots);
        // the device was petted about every 50 ms for the whole run and disarmed with the magic close at the end
        String fed = Files.readString(device);
        assertTrue(fed.matches("\\.+V"), fed);
        assertTrue(fed.length() - 1 >= elapsedMs / 50 / 2, fed.length() - 1 + " pets in " + elapsedMs + " ms");
        assertTrue(Files.notExists(dir.resolve("wd")), "the private socket folder is removed at the end");
    }

    @Test
    void boardShutDownStatusEndsTheSupervisorWithoutReset() throws Exception {
        int status = WatchdogProtocol.STATUS_BOARD_SHUT_DOWN;
        Settings settings = SupervisorRun.settings(dir, LENIENT_MS, kernel("run=200", "close=false", "exit=" + status))
                .withBootTimeout(JVM_BOOT);
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            Outcome outcome = run.await(TEST_MAX);
            assertEquals(Ending.KERNEL_EXITED, outcome.ending());
            assertEquals(status, outcome.status());
            assertEquals(0, outcome.resets());
        }
    }

    @Test
    void stoppedKernelIsResetWithinTheTimeoutAndTheBoardComesBack() throws Exception {
        long timeoutMs = 200;
        Settings settings = SupervisorRun.settings(dir, timeoutMs, kernel("every=10", "first-run=5000", "run=300"))
                .withBootTimeout(JVM_BOOT);
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            long old = pid(awaitLog(log(), l -> l.size() >= 1, JVM_BOOT), "boot", 0);
            Thread.sleep(100); // a few kicks go through first
            long stoppedAt = System.nanoTime();
            SupervisorRun.signal("STOP", old);

            Outcome outcome = run.await(TEST_MAX);
            Pattern reset = Pattern.compile("board watchdog: no kick for (\\d+) ms \\(timeout 200 ms\\); "
                    + "resetting the board \\(reset 1\\)");
            SupervisorRun.Line line = run.line(reset);
            long detectedMs = (line.nanos() - stoppedAt) / 1_000_000;
            System.out.println("SIGSTOP -> reset line: " + detectedMs + " ms (timeout " + timeoutMs + " ms)");
            assertTrue(SupervisorRun.group(line, reset, 1) >= timeoutMs, line.text());
            assertTrue(detectedMs >= timeoutMs - 50, "reset too early: " + detectedMs + " ms");
            assertTrue(detectedMs <= timeoutMs + MARGIN_MS, "reset too late: " + detectedMs + " ms");
            assertTrue(gone(old), "the stopped kernel " + old + " is gone");

            // the new kernel knew it was reset by the watchdog, kicked for its whole run and ended cleanly
            List<String> log = readLog(log());
            long fresh = pid(log, "boot", 1);
            assertNotEquals(old, fresh);
            assertEquals("boot " + fresh + " 1 " + WatchdogProtocol.CAUSE_WATCHDOG, log.get(1));
            assertEquals(Ending.KERNEL_EXITED, outcome.ending());
            assertEquals(0, outcome.status());
            assertEquals(1, outcome.resets());
        }
    }

    @Test
    void kernelThatNeverKicksIsResetAfterTheBootTimeout() throws Exception {
        List<String> silent = List.of("sh", "-c", "echo \"started $$\" >> '" + log() + "'; exec sleep 30");
        Settings settings = SupervisorRun.settings(dir, 100, silent).withBootTimeout(Duration.ofMillis(300))
                .withMaxResets(1, Duration.ofMinutes(1));
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            Outcome outcome = run.await(TEST_MAX);
            Pattern reset = Pattern.compile("board watchdog: no first kick within (\\d+) ms \\(boot timeout 300 ms\\); "
                    + "resetting the board \\(reset 1\\)");
            SupervisorRun.Line line = run.line(reset);
            long waited = SupervisorRun.group(line, reset, 1);
            assertTrue(waited >= 300 && waited <= 300 + MARGIN_MS, line.text());
            assertTrue((line.nanos() - run.startNanos) / 1_000_000 >= 300, "not before the boot timeout");
            // the second life is just as silent, and one reset was all the budget allowed
            assertEquals(Ending.GAVE_UP, outcome.ending());
            assertEquals(WatchdogProtocol.STATUS_GAVE_UP, outcome.status());
            List<String> log = readLog(log());
            assertEquals(2, log.size(), log.toString());
            assertTrue(gone(pid(log, "started", 0)) && gone(pid(log, "started", 1)), "both kernels are gone");
        }
    }

    @Test
    void crashedKernelIsResetAndTheProcessesItLeftBehindDie() throws Exception {
        // lenient also because a JVM that started a child takes ~300 ms to exit (HotSpot waits that long for its
        // process-reaper thread, blocked in waitpid): with a short timeout the crash would be caught as missing
        // kicks first, which also resets, but this test is about the crash path
        Settings settings = SupervisorRun.settings(dir, LENIENT_MS,
                kernel("child=true", "first-run=200", "first-close=false", "first-exit=3", "run=300"))
                .withBootTimeout(JVM_BOOT);
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            Outcome outcome = run.await(TEST_MAX);
            run.line(Pattern.compile(
                    "board watchdog: the kernel ended with status 3; resetting the board \\(reset 1\\)"));
            List<String> log = readLog(log());
            // boot 0's child was an orphan by the time the supervisor saw the crash: only its group reached it
            assertTrue(gone(pid(log, "child", 0)), "the crashed kernel's child is gone: " + log);
            assertTrue(log.contains("boot " + pid(log, "boot", 1) + " 1 " + WatchdogProtocol.CAUSE_CRASH), log.toString());
            assertEquals(new Outcome(Ending.KERNEL_EXITED, 0, 1,
                    "board watchdog: the kernel ended with status 0 after a clean stop; the board is down"), outcome);
            // a clean end of the board takes the rest of the board with it too
            assertTrue(gone(pid(log, "child", 1)), "the last kernel's child is gone: " + log);
        }
    }

    @Test
    void kernelChildDiesWithItOnResetEvenWhenStopped() throws Exception {
        Settings settings = SupervisorRun.settings(dir, 200,
                kernel("child=true", "first-run=300", "first-hang=true", "run=300"))
                .withBootTimeout(JVM_BOOT);
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            List<String> first = awaitLog(log(), l -> l.size() >= 2, JVM_BOOT);
            long kernel = pid(first, "boot", 0);
            long child = pid(first, "child", 0);
            SupervisorRun.signal("STOP", child); // a stopped partition process must die all the same

            Outcome outcome = run.await(TEST_MAX);
            run.line(Pattern.compile("board watchdog: no kick for \\d+ ms \\(timeout 200 ms\\); "
                    + "resetting the board \\(reset 1\\)"));
            assertTrue(gone(kernel), "the hung kernel is gone");
            assertTrue(gone(child), "its stopped child is gone");
            assertEquals(1, outcome.resets());
            assertEquals(0, outcome.status());
        }
    }

    @Test
    void cleanStopWithoutExitIsEndedAfterTheStopTimeout() throws Exception {
        Settings settings = SupervisorRun.settings(dir, LENIENT_MS, kernel("run=100", "linger=60000"))
                .withBootTimeout(JVM_BOOT).withStopTimeout(Duration.ofMillis(300));
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            Outcome outcome = run.await(TEST_MAX);
            assertEquals(Ending.STOP_OVERRAN, outcome.ending());
            assertEquals(WatchdogProtocol.STATUS_STOP_OVERRAN, outcome.status());
            assertEquals(0, outcome.resets(), "a deliberate stop is never a reset");
            assertTrue(gone(pid(readLog(log()), "boot", 0)));
        }
    }

    @Test
    void stopTakesTheBoardDown() throws Exception {
        Settings settings = SupervisorRun.settings(dir, LENIENT_MS, kernel("child=true", "run=30000"))
                .withBootTimeout(JVM_BOOT);
        try (SupervisorRun run = SupervisorRun.start(settings)) {
            List<String> log = awaitLog(log(), l -> l.size() >= 2, JVM_BOOT);
            run.stop();
            Outcome outcome = run.await(TEST_MAX);
            assertEquals(Ending.STOPPED, outcome.ending());
            assertTrue(gone(pid(log, "boot", 0)) && gone(pid(log, "child", 0)), "kernel and child are gone");
        }
    }
}

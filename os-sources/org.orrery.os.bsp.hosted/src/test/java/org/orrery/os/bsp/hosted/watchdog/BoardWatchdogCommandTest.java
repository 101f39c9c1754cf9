// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor as the process the lead starts: its command line, its lines on stderr, its exit status. */
class BoardWatchdogCommandTest {
    @TempDir
    Path dir;

    private record Run(int status, List<String> stderr) {
    }

    private Run supervisor(String... args) throws Exception {
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(TestJvm.command(BoardWatchdog.class, args))
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the supervisor did not end: " + Files.readAllLines(err));
        }
        // the JVM may warn about itself (e.g. CDS); only the supervisor's own lines count here
        return new Run(p.exitValue(),
                Files.readAllLines(err).stream().filter(l -> l.startsWith("board watchdog: ")).toList());
    }

    @Test
    void crashLoopStopsAtMaxResetsWithOneClearLine() throws Exception {
        Path log = dir.resolve("kernel.log");
        Run run = supervisor("--timeout", "200", "--boot-timeout", "300", "--max-resets", "2", "--socket",
                dir.resolve("wd/kick.sock").toString(), "--device", "none", "--",
                "sh", "-c", "echo $$ >> '" + log + "'; exit 3");
        assertEquals(WatchdogProtocol.STATUS_GAVE_UP, run.status(), run.stderr().toString());
        assertEquals(List.of(
                "board watchdog: the kernel ended with status 3; resetting the board (reset 1)",
                "board watchdog: the kernel ended with status 3; resetting the board (reset 2)",
                "board watchdog: the kernel ended with status 3; not resetting: 2 resets within 60000 ms already "
                        + "(--max-resets 2); the board does not come up"),
                run.stderr());
        assertEquals(3, Files.readAllLines(log).size(), "booted once and reset twice");
    }

    @Test
    void wrongCommandLineIsOneLineAndUsage() throws Exception {
        Run run = supervisor("--timeout", "soon", "--socket", dir.resolve("s").toString(), "--", "true");
        assertEquals(WatchdogProtocol.STATUS_USAGE, run.status());
        assertEquals(List.of("board watchdog: --timeout: expected a positive number of milliseconds, got 'soon'"),
                run.stderr());
    }

    @Test
    void socketInAFolderOthersCanOpenIsRefusedBeforeAnythingStarts() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path marker = dir.resolve("started");
        Run run = supervisor("--timeout", "200", "--socket", shared.resolve("kick.sock").toString(), "--device",
                "none", "--", "touch", marker.toString());
        assertEquals(WatchdogProtocol.STATUS_USAGE, run.status());
        int uid = (int) Files.getAttribute(shared, "unix:uid");
        assertEquals(List.of("board watchdog: --socket folder " + shared + " is not private (rwxr-xr-x, uid " + uid + "); "
                + "use a folder only you can open, or one that does not exist yet"), run.stderr());
        assertTrue(Files.notExists(marker), "the kernel was not started");
    }

    @Test
    void unknownKernelCommandIsOneLine() throws Exception {
        Run run = supervisor("--timeout", "200", "--socket", dir.resolve("wd/kick.sock").toString(), "--device",
                "none", "--", "no-such-orrery-kernel");
        assertEquals(WatchdogProtocol.STATUS_USAGE, run.status());
        assertEquals(List.of("board watchdog: cannot run the kernel command 'no-such-orrery-kernel': not found on PATH"),
                run.stderr());
    }

    @Test
    void sigtermTakesTheBoardDownWithTheSupervisor() throws Exception {
        Path log = dir.resolve("kernel.log");
        List<String> cmd = new ArrayList<>();
        cmd.addAll(TestJvm.command(BoardWatchdog.class, "--timeout", "1500", "--boot-timeout", "4000", "--socket",
                dir.resolve("wd/kick.sock").toString(), "--device", "none", "--"));
        cmd.addAll(TestJvm.kernelCommand(TestKernel.class, "log=" + log, "child=true", "run=30000"));
        Process supervisor = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            List<String> lines = SupervisorRun.awaitLog(log, l -> l.size() >= 2, Duration.ofSeconds(8));
            supervisor.destroy(); // SIGTERM
            assertTrue(supervisor.waitFor(10, TimeUnit.SECONDS), "the supervisor ended");
            assertTrue(SupervisorRun.gone(SupervisorRun.pid(lines, "boot", 0)), "the kernel is gone");
            assertTrue(SupervisorRun.gone(SupervisorRun.pid(lines, "child", 0)), "its child is gone");
        } finally {
            supervisor.destroyForcibly();
        }
    }
}

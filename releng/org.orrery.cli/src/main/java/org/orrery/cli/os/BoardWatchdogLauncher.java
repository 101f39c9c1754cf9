// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.orrery.cli.OrreryCli;

/**
 * {@code orrery run --board hosted --watchdog T}: this process becomes the board's watchdog supervisor and the same
 * command, started again under it, the kernel process. The supervisor is the hosted board's own
 * ({@code org.orrery.os.bsp.hosted.watchdog.BoardWatchdog}), started by name in a JVM of its own: it needs the FFM
 * API of Java 22, and this command line is built for Java 21.
 */
final class BoardWatchdogLauncher {
    /** Set by the supervisor for the kernel process it starts (so the command does not supervise itself again). */
    static final String SOCKET_VARIABLE = "ORRERY_WATCHDOG";
    private static final String SUPERVISOR = "org.orrery.os.bsp.hosted.watchdog.BoardWatchdog";

    private BoardWatchdogLauncher() {
    }

    static int supervise(long timeoutNs, PrintWriter out, PrintWriter err) {
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (self.command().isEmpty() || self.arguments().isEmpty()) {
            err.println("orrery run: --watchdog: cannot read this process's own command line to start it again");
            return OrreryCli.EXIT_USAGE;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("orrery-watchdog-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            List<String> cmd = new ArrayList<>(List.of(self.command().get(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), SUPERVISOR,
                    "--timeout", Long.toString(Math.max(1, timeoutNs / 1_000_000)),
                    "--socket", dir.resolve("kick.sock").toString(), "--"));
            cmd.add(self.command().get());
            cmd.addAll(List.of(self.arguments().get()));
            out.flush();
            Process supervisor = new ProcessBuilder(cmd).inheritIO().start();
            return supervisor.waitFor();
        } catch (IOException e) {
            err.println("orrery run: --watchdog: cannot start the board's watchdog: " + e.getMessage());
            return OrreryCli.EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OrreryCli.EXIT_USAGE;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a private temporary folder; the OS cleans what is left
        }
    }
}

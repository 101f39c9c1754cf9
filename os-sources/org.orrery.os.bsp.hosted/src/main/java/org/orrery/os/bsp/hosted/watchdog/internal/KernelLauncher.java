// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.orrery.os.bsp.hosted.watchdog.WatchdogProtocol;

/**
 * Starts the kernel command in a session (and so a process group) of its own, through util-linux's setsid: the
 * group is how a reset reaches processes the kernel started even after the kernel itself died. setsid execs the
 * command in place (a process started by Java is never a group leader, so setsid does not fork), so the pid Java
 * sees is the kernel's and leads the group. Should it ever have to fork, {@code --wait} keeps it there as the
 * kernel's parent passing on its status, and the kernel is still found as its descendant.
 */
final class KernelLauncher {
    private final List<String> command;

    private KernelLauncher(List<String> command) {
        this.command = command;
    }

    /**
     * Checks that setsid and the kernel command can be found, so a typo is one line at start and not a reset loop.
     *
     * @throws IOException one line naming what is missing
     */
    static KernelLauncher of(List<String> kernelCommand) throws IOException {
        Path setsid = find("setsid").orElseThrow(() -> new IOException(
                "setsid (util-linux) is not on PATH; the board watchdog starts the kernel in its own process group with it"));
        String program = kernelCommand.get(0);
        if (find(program).isEmpty()) {
            throw new IOException("cannot run the kernel command '" + program + "': "
                    + (program.contains("/") ? "no such executable file" : "not found on PATH"));
        }
        List<String> full = new ArrayList<>();
        full.add(setsid.toString());
        full.add("--wait");
        full.addAll(kernelCommand);
        return new KernelLauncher(List.copyOf(full));
    }

    private static Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Starts one life of the kernel; stdin, stdout and stderr are the supervisor's. */
    Process start(Path socket, int resets, String lastCause) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = pb.environment();
        env.put(WatchdogProtocol.SOCKET_ENV, socket.toString());
        env.put(WatchdogProtocol.RESETS_ENV, Integer.toString(resets));
        if (lastCause != null) {
            env.put(WatchdogProtocol.RESET_CAUSE_ENV, lastCause);
        } else {
            env.remove(WatchdogProtocol.RESET_CAUSE_ENV);
        }
        return pb.start();
    }
}

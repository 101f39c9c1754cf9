// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's babeltrace2, the reference CTF reader, on traces our tests write (installing it with apt when
 * we are root and it is missing), so every module checks its traces against the same real client.
 */
public final class Babeltrace {

    public record Result(int exit, List<String> lines, String stderr) {}

    private static Boolean available;

    private Babeltrace() {
    }

    /** Skips the calling test, with the reason, when babeltrace2 is absent and cannot be installed. */
    public static synchronized void assumeAvailable() throws Exception {
        if (available == null) {
            available = onPath() || install();
        }
        assumeTrue(available, "babeltrace2 is not installed and could not be installed "
                + "(needs root and Debian's apt: apt-get install -y babeltrace2)");
    }

    public static Result read(Path traceDir) throws Exception {
        return read(traceDir, List.of());
    }

    /** As {@link #read(Path)}, with options of the text output ({@code --clock-cycles}, {@code --no-delta}, ...). */
    public static Result read(Path traceDir, List<String> options) throws Exception {
        Path out = Files.createTempFile("babeltrace", ".txt");
        Path err = Files.createTempFile("babeltrace", ".err");
        try {
            List<String> command = new java.util.ArrayList<>(List.of("babeltrace2"));
            command.addAll(options);
            command.add(traceDir.toString());
            Process p = new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("babeltrace2 did not finish within 120 s");
            }
            return new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean onPath() {
        return run("babeltrace2", "--version");
    }

    private static boolean install() {
        if (!run("sh", "-c", "[ \"$(id -u)\" = 0 ] && command -v apt-get")) {
            return false;
        }
        return run("apt-get", "install", "-y", "babeltrace2")
                || (run("apt-get", "update") && run("apt-get", "install", "-y", "babeltrace2"));
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

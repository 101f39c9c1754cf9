// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.orrery.os.config.OverflowPolicy;

/**
 * A {@link ShmPeer} in a second JVM (this JVM's java, class path = the module's classes, its test classes and
 * the configuration module), its output read line by line. {@link #close()} kills it if it is still running.
 */
final class Peer implements AutoCloseable {
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path errorDir;
    private final Thread pump;

    Peer(String... args) throws IOException {
        errorDir = Files.createTempDirectory("shm-peer-"); // where a crashing peer writes its hs_err file
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC", "-XX:ErrorFile=" + errorDir.resolve("hs_err.log"), "-XX:-CreateCoredumpOnCrash",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", location(PortRegion.class) + ":" + location(ShmPeer.class) + ":" + location(OverflowPolicy.class),
                ShmPeer.class.getName()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("(output lost: " + e.getMessage() + ")");
            }
        }, "peer-output");
        pump.setDaemon(true);
        pump.start();
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next output line starting with {@code prefix}, waiting up to {@code seconds}; fails with all output. */
    String await(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            String l = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                fail("peer printed no line starting with '" + prefix + "' within " + seconds + " s; output: " + seen);
            }
            seen.add(l);
            if (l.startsWith(prefix)) {
                return l;
            }
        }
    }

    /** Waits for the exit and returns the exit code; the remaining output is then in {@link #output()}. */
    int exit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            fail("peer still running after " + seconds + " s; output: " + seen);
        }
        pump.join(5_000); // the pump ends at the end of the output
        lines.drainTo(seen);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> output() {
        return seen;
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(errorDir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(errorDir);
    }
}

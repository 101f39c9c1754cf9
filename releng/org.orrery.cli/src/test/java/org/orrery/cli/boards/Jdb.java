// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's jdb driven through its standard input, its output read from a file as it grows. */
final class Jdb {

    private final Process process;
    private final Path log;
    private final OutputStream in;
    /** Where the next wait starts looking: each answer is matched once. */
    private int consumed;

    private Jdb(Process process, Path log, OutputStream in) {
        this.process = process;
        this.log = log;
        this.in = in;
    }

    Process process() {
        return process;
    }

    static Jdb attach(Path jdb, int port, Path log) throws IOException {
        Process p = new ProcessBuilder(List.of(jdb.toString(), "-attach", "127.0.0.1:" + port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Jdb(p, log, p.getOutputStream());
    }

    void send(String command) throws IOException {
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read jdb's output: " + e.getMessage() + ")";
        }
    }

    /**
     * As {@link #await}, but the next wait looks from where this one started: jdb's event thread may print a
     * breakpoint hit before its command thread confirms the breakpoint that caused it (seen in a test run).
     */
    Matcher awaitInAnyOrder(Pattern pattern, int seconds) throws InterruptedException {
        int from = consumed;
        Matcher m = await(pattern, seconds);
        consumed = from;
        return m;
    }

    /** Waits for {@code pattern} in the output; the match of its first occurrence after what was matched before. */
    Matcher await(Pattern pattern, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(output());
            if (m.find(consumed)) {
                consumed = m.end();
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("jdb ended with status " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("jdb did not print " + pattern + " within " + seconds + " s:\n" + output());
    }
}

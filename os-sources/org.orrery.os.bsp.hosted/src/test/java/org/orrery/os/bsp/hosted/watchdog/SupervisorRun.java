// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Outcome;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Settings;

/** A supervisor running in the test JVM on its own thread, its log lines time-stamped as they come. */
final class SupervisorRun implements AutoCloseable {
    record Line(long nanos, String text) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final BoardWatchdog watchdog;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    final long startNanos = System.nanoTime();

    private SupervisorRun(Settings settings) {
        watchdog = new BoardWatchdog(settings.withLog(this::add));
        Thread t = new Thread(() -> {
            try {
                outcome.complete(watchdog.run());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, "test-supervisor");
        t.setDaemon(true);
        t.start();
    }

    static SupervisorRun start(Settings settings) {
        return new SupervisorRun(settings);
    }

    /** Settings for tests: no /dev/watchdog ever (a test must not arm a real machine's watchdog). */
    static Settings settings(Path dir, long timeoutMs, List<String> command) {
        return Settings.of(Duration.ofMillis(timeoutMs), dir.resolve("wd/kick.sock"), command)
                .withDevice(Optional.empty(), Settings.DEFAULT_DEVICE_INTERVAL);
    }

    private synchronized void add(String line) {
        lines.add(new Line(System.nanoTime(), line));
        System.out.println(line);
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The first logged line matching a pattern, or a failure listing what was logged. */
    Line line(Pattern pattern) {
        return lines().stream().filter(l -> pattern.matcher(l.text()).matches()).findFirst()
                .orElseThrow(() -> new AssertionError("no line matching " + pattern + " in " + lines()));
    }

    static long group(Line line, Pattern pattern, int group) {
        Matcher m = pattern.matcher(line.text());
        if (!m.matches()) {
            throw new AssertionError(line.text() + " does not match " + pattern);
        }
        return Long.parseLong(m.group(group));
    }

    Outcome await(Duration max) throws Exception {
        return outcome.get(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        watchdog.stop();
    }

    @Override
    public void close() throws Exception {
        watchdog.stop();
        try {
            outcome.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the test reported what mattered; this only makes sure no board outlives it
        }
    }

    /** Lines of a test kernel's log file, waiting until one matches. */
    static List<String> awaitLog(Path log, Predicate<List<String>> until, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<String> got = readLog(log);
            if (until.test(got)) {
                return got;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the kernel log " + log + " never got there: " + got);
            }
            Thread.sleep(5);
        }
    }

    static List<String> readLog(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid of the process that wrote {@code <word> PID ...} as its n-th such line. */
    static long pid(List<String> log, String word, int n) {
        return Long.parseLong(log.stream().filter(l -> l.startsWith(word + " ")).toList().get(n).split(" ")[1]);
    }

    /**
     * Whether a process has ended. A zombie has: it is dead and waits only for its parent (init, for the orphans
     * of a killed board) to collect its status, which ProcessHandle still reports as alive.
     */
    static boolean gone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }

    static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " " + pid + " failed");
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.orrery.os.bsp.hosted.watchdog.internal.SettingsParser;
import org.orrery.os.bsp.hosted.watchdog.internal.Supervisor;

/**
 * The hosted board's hardware watchdog, as a supervisor process: it starts the kernel, expects kicks over a
 * Unix domain socket, and resets the board (kills the kernel with everything it started and starts it again)
 * when the kicks stop or the kernel crashes. See the package documentation for the whole story.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ... org.orrery.os.bsp.hosted.watchdog.BoardWatchdog \
 *     --timeout MS [--boot-timeout MS] [--max-resets N] [--reset-period MS] [--stop-timeout MS] \
 *     --socket PATH [--device PATH|none] [--device-interval MS] -- COMMAND ARGS...
 * </pre>
 */
public final class BoardWatchdog {
    /** How a supervisor run ended. */
    public enum Ending {
        /** The kernel exited cleanly (0, {@link WatchdogProtocol#STATUS_BOARD_SHUT_DOWN}, or after a clean stop). */
        KERNEL_EXITED,
        /** --max-resets was reached within --reset-period. */
        GAVE_UP,
        /** The kernel said it was stopping but did not exit within --stop-timeout. */
        STOP_OVERRAN,
        /** The supervisor was asked to stop. */
        STOPPED
    }

    /**
     * What a run came to.
     *
     * @param status  the exit status the supervisor process should end with
     * @param resets  how many times the board was reset
     * @param message the last line logged (why it ended)
     */
    public record Outcome(Ending ending, int status, int resets, String message) {
    }

    /**
     * What to supervise and how strictly.
     *
     * @param timeout        the longest gap between two kicks
     * @param bootTimeout    the longest time from starting the kernel to its first kick
     * @param maxResets      resets allowed within {@code resetPeriod}; one more and the supervisor gives up
     * @param stopTimeout    how long a kernel that announced a clean stop may take to exit
     * @param socket         the kick socket; its folder must be private (0700) or not exist yet
     * @param device         a Linux watchdog device to keep fed, or empty
     * @param deviceInterval how often the device is fed
     * @param command        the kernel command and its arguments
     * @param log            where the supervisor's lines go (one line per event)
     */
    public record Settings(Duration timeout, Duration bootTimeout, int maxResets, Duration resetPeriod,
            Duration stopTimeout, Path socket, Optional<Path> device, Duration deviceInterval, List<String> command,
            Consumer<String> log) {
        public static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofSeconds(30);
        public static final int DEFAULT_MAX_RESETS = 3;
        public static final Duration DEFAULT_RESET_PERIOD = Duration.ofMinutes(1);
        public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_DEVICE_INTERVAL = Duration.ofSeconds(1);
        /** Fed by default when it exists. */
        public static final Path DEFAULT_DEVICE = Path.of("/dev/watchdog");

        public Settings {
            positive(timeout, "timeout");
            positive(bootTimeout, "boot timeout");
            positive(resetPeriod, "reset period");
            positive(stopTimeout, "stop timeout");
            positive(deviceInterval, "device interval");
            if (maxResets < 0) {
                throw new IllegalArgumentException("max resets must not be negative, got " + maxResets);
            }
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(device, "device");
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("no kernel command to supervise");
            }
            Objects.requireNonNull(log, "log");
        }

        private static void positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
        }

        /** Settings with the defaults; the device is /dev/watchdog when the machine has one. */
        public static Settings of(Duration timeout, Path socket, List<String> command) {
            Optional<Path> device = Files.exists(DEFAULT_DEVICE) ? Optional.of(DEFAULT_DEVICE) : Optional.empty();
            return new Settings(timeout, DEFAULT_BOOT_TIMEOUT, DEFAULT_MAX_RESETS, DEFAULT_RESET_PERIOD,
                    DEFAULT_STOP_TIMEOUT, socket, device, DEFAULT_DEVICE_INTERVAL, command, System.err::println);
        }

        /**
         * Settings from the command line (everything after {@code --} is the kernel command).
         *
         * @throws IllegalArgumentException one line naming the option that is wrong or missing
         */
        public static Settings parse(String... args) {
            return SettingsParser.parse(args);
        }

        public Settings withBootTimeout(Duration value) {
            return new Settings(timeout, value, maxResets, resetPeriod, stopTimeout, socket, device, deviceInterval,
                    command, log);
        }

        public Settings withMaxResets(int max, Duration period) {
            return new Settings(timeout, bootTimeout, max, period, stopTimeout, socket, device, deviceInterval,
                    command, log);
        }

        public Settings withStopTimeout(Duration value) {
            return new Settings(timeout, bootTimeout, maxResets, resetPeriod, value, socket, device, deviceInterval,
                    command, log);
        }

        public Settings withDevice(Optional<Path> value, Duration interval) {
            return new Settings(timeout, bootTimeout, maxResets, resetPeriod, stopTimeout, socket, value, interval,
                    command, log);
        }

        public Settings withLog(Consumer<String> value) {
            return new Settings(timeout, bootTimeout, maxResets, resetPeriod, stopTimeout, socket, device,
                    deviceInterval, command, value);
        }
    }

    private static final String USAGE = "usage: BoardWatchdog --timeout MS [--boot-timeout MS] [--max-resets N] "
            + "[--reset-period MS] [--stop-timeout MS] --socket PATH [--device PATH|none] [--device-interval MS] "
            + "-- COMMAND ARGS...";
    private static final long HOOK_WAIT_SECONDS = 15;

    private final Supervisor supervisor;
    private final CountDownLatch finished = new CountDownLatch(1);

    public BoardWatchdog(Settings settings) {
        this.supervisor = new Supervisor(settings);
    }

    /**
     * Supervises the board until it ends: the kernel exits cleanly, the reset budget is spent, or {@link #stop()}.
     * Every process of the board is gone when this returns.
     *
     * @throws IOException one line when the supervisor cannot set itself up (socket, device, command, native access)
     */
    public Outcome run() throws IOException {
        try {
            return supervisor.run();
        } finally {
            finished.countDown();
        }
    }

    /** Asks a running {@link #run()} to kill the board and return; safe from any thread. */
    public void stop() {
        supervisor.requestStop();
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("board watchdog: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(WatchdogProtocol.STATUS_USAGE);
            return;
        }
        BoardWatchdog watchdog = new BoardWatchdog(settings);
        // SIGTERM/SIGINT: take the board down with the supervisor instead of leaving it unsupervised
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watchdog.stop();
            try {
                watchdog.finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "board-watchdog-shutdown"));
        try {
            System.exit(watchdog.run().status());
        } catch (IOException e) {
            System.err.println("board watchdog: " + e.getMessage());
            System.exit(WatchdogProtocol.STATUS_USAGE);
        }
    }
}

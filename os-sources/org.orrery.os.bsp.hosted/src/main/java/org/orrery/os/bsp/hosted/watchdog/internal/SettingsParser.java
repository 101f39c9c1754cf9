// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Settings;

/** The supervisor's command line; every mistake is one line naming the option. */
public final class SettingsParser {
    private SettingsParser() {
    }

    public static Settings parse(String... args) {
        Long timeout = null;
        Path socket = null;
        Duration boot = Settings.DEFAULT_BOOT_TIMEOUT;
        int maxResets = Settings.DEFAULT_MAX_RESETS;
        Duration period = Settings.DEFAULT_RESET_PERIOD;
        Duration stop = Settings.DEFAULT_STOP_TIMEOUT;
        Optional<Path> device = null;
        Duration deviceInterval = Settings.DEFAULT_DEVICE_INTERVAL;
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i += 2) {
            String option = args[i];
            if (i + 1 >= args.length || args[i + 1].equals("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--timeout" -> timeout = millis(option, value);
                case "--boot-timeout" -> boot = Duration.ofMillis(millis(option, value));
                case "--max-resets" -> maxResets = count(option, value);
                case "--reset-period" -> period = Duration.ofMillis(millis(option, value));
                case "--stop-timeout" -> stop = Duration.ofMillis(millis(option, value));
                case "--socket" -> socket = Path.of(value);
                case "--device" -> device = value.equals("none") ? Optional.empty() : Optional.of(Path.of(value));
                case "--device-interval" -> deviceInterval = Duration.ofMillis(millis(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (timeout == null) {
            throw new IllegalArgumentException("missing --timeout MS (the longest gap between two kicks)");
        }
        if (socket == null) {
            throw new IllegalArgumentException("missing --socket PATH (the kick socket, in a private folder)");
        }
        List<String> command = i < args.length ? Arrays.asList(args).subList(i + 1, args.length) : List.of();
        if (command.isEmpty()) {
            throw new IllegalArgumentException("missing -- COMMAND ARGS... (the kernel to supervise)");
        }
        Settings settings = Settings.of(Duration.ofMillis(timeout), socket, command)
                .withBootTimeout(boot)
                .withMaxResets(maxResets, period)
                .withStopTimeout(stop);
        return settings.withDevice(device != null ? device : settings.device(), deviceInterval);
    }

    private static long millis(String option, String value) {
        try {
            long ms = Long.parseLong(value);
            if (ms > 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": expected a positive number of milliseconds, got '" + value + "'");
    }

    private static int count(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": expected a count (0 or more), got '" + value + "'");
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Settings;

class SettingsTest {
    @Test
    void everyOptionIsRead() {
        Settings s = Settings.parse("--timeout", "200", "--boot-timeout", "5000", "--max-resets", "4",
                "--reset-period", "30000", "--stop-timeout", "2000", "--socket", "/run/orrery/wd/kick.sock",
                "--device", "/dev/watchdog1", "--device-interval", "500", "--", "java", "-jar", "kernel.jar", "--x");
        assertEquals(Duration.ofMillis(200), s.timeout());
        assertEquals(Duration.ofMillis(5000), s.bootTimeout());
        assertEquals(4, s.maxResets());
        assertEquals(Duration.ofMillis(30000), s.resetPeriod());
        assertEquals(Duration.ofMillis(2000), s.stopTimeout());
        assertEquals(Path.of("/run/orrery/wd/kick.sock"), s.socket());
        assertEquals(Optional.of(Path.of("/dev/watchdog1")), s.device());
        assertEquals(Duration.ofMillis(500), s.deviceInterval());
        assertEquals(List.of("java", "-jar", "kernel.jar", "--x"), s.command(), "options after -- belong to the kernel");
    }

    @Test
    void defaultsAndNoDevice() {
        Settings s = Settings.parse("--timeout", "100", "--socket", "k.sock", "--device", "none", "--", "kernel");
        assertEquals(Settings.DEFAULT_BOOT_TIMEOUT, s.bootTimeout());
        assertEquals(Settings.DEFAULT_MAX_RESETS, s.maxResets());
        assertEquals(Settings.DEFAULT_RESET_PERIOD, s.resetPeriod());
        assertEquals(Optional.empty(), s.device());
    }

    @Test
    void mistakesAreOneLineNamingTheOption() {
        assertMessage("missing --timeout MS (the longest gap between two kicks)", "--socket", "s", "--", "k");
        assertMessage("missing --socket PATH (the kick socket, in a private folder)", "--timeout", "1", "--", "k");
        assertMessage("missing -- COMMAND ARGS... (the kernel to supervise)", "--timeout", "1", "--socket", "s");
        assertMessage("missing -- COMMAND ARGS... (the kernel to supervise)", "--timeout", "1", "--socket", "s", "--");
        assertMessage("--timeout: expected a positive number of milliseconds, got '0'", "--timeout", "0");
        assertMessage("--max-resets: expected a count (0 or more), got '-1'", "--max-resets", "-1");
        assertMessage("--socket needs a value", "--timeout", "5", "--socket", "--", "k");
        assertMessage("unknown option --period", "--period", "5");
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> Settings.parse(args)).getMessage());
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition;

/**
 * The text conversions an application's log and telemetry lines use, run once in a partition JVM before the partition
 * connects: in a cold JVM the first {@code String.format} takes 25-50 ms (the formatter and the locale's number
 * symbols), the next 0.1 ms, and a process's first activation has a deadline and a watchdog in a window of a few
 * milliseconds per major frame. Every partition JVM runs it, whichever kernel schedules its processes.
 */
public final class TextWarmUp {

    private TextWarmUp() {
    }

    public static void run() {
        String.format("%d %s %.3f %x %c %b %5.1f%% %+05.1f %,d", 1, "a", 1.5, 255, 'c', true, 2.25, -3.5, 12345L);
        Double.toString(Double.parseDouble("1.5"));
        Long.toString(Long.parseLong("42"));
        Integer.toString(Integer.parseInt("7"));
    }
}

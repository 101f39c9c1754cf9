// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The console line the kernel prints, built by hand, is the one the format "[%d.%09d] %s: %s" gives. */
class ConsoleLineTest {

    @Test
    void boardTimeHasNineDigitsAfterThePointForEveryMagnitude() {
        long[] times = {0, 5, 10, 999, 1_000_000, 12_345_678, 123_456_789, 999_999_999, 1_000_000_000L,
            1_000_000_001L, 60_050_000_000L, 123_456_789_012L, Long.MAX_VALUE / 3};
        for (long t : times) {
            assertEquals(String.format("[%d.%09d] %s: %s", t / 1_000_000_000L, t % 1_000_000_000L, "nav/main", "fix 3"),
                    Module.line(t, "nav/main", "fix 3"), "board time " + t);
        }
        assertEquals("[0.050000000] HM: nav DEADLINE_MISSED -> LOG: late",
                Module.line(50_000_000L, "HM", "nav DEADLINE_MISSED -> LOG: late"));
    }
}

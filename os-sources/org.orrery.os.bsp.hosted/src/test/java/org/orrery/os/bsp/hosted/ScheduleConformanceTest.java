// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;

/**
 * Over 10,000 windows of 1 ms on two cores, none skipped, the board's median window-start lateness stays within a
 * millisecond on each core. The tail is printed, not asserted: on the shared, not PREEMPT_RT, 2-core build machine
 * single stalls of 10 ms to about 1 s (a stall makes a burst of late 1 ms windows) were measured in CI runs and are
 * not yet explained; the benchmark in {@code benchmarks/} compares the figures with cyclictest.
 */
class ScheduleConformanceTest {
    private static final double P50_TOLERANCE_US = 1_000;
    private static final Pattern LATENESS = Pattern.compile(
            "window-start lateness core (\\d): p50 ([\\d.]+) us, p99 ([\\d.]+) us");

    @Test
    void tenThousandOneMillisecondWindowsOpenWithAMedianLatenessUnderAMillisecond() throws Exception {
        SystemConfig config = HostedSystems.system(2 * MS, List.of(
                HostedSystems.partition("a", 0, 0, "Ticker", 2 * MS), HostedSystems.partition("b", 1, 0, "Ticker", 2 * MS),
                HostedSystems.partition("c", 2, 1, "Ticker", 2 * MS), HostedSystems.partition("d", 3, 1, "Ticker", 2 * MS)));
        byte[] apps = HostedSystems.apps();
        Map<String, byte[]> jars = new HashMap<>();
        config.partitions().forEach(p -> jars.put(p.name(), apps));
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(), jars, 5000 * MS,
                console::add, null, null, 0));
        System.out.print(s.format());

        assertEquals(10_000, s.windowsRun(), s.format());
        int cores = 0;
        for (String line : s.boardReport()) {
            Matcher m = LATENESS.matcher(line);
            if (m.find()) {
                cores++;
                assertTrue(Double.parseDouble(m.group(2)) <= P50_TOLERANCE_US, line);
            }
        }
        assertEquals(2, cores, s.boardReport().toString());
    }
}

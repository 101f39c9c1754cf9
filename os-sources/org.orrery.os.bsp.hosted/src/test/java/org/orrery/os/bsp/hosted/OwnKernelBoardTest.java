// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.RunSummary;

/**
 * The hosted board with a kernel in each partition process ({@code -Dorrery.hosted.kernels=partition}): real partition
 * JVMs in cgroups frozen outside their windows, each scheduling its own processes, the board's kernel keeping the
 * plans and hearing their modes and health-monitor events.
 */
class OwnKernelBoardTest {
    private static RunSummary run(SystemConfig config, BoardWatch watch, List<String> until) throws Exception {
        byte[] apps = HostedSystems.apps();
        java.util.Map<String, byte[]> jars = new java.util.HashMap<>();
        config.partitions().forEach(p -> jars.put(p.name(), apps));
        // at least 1 s, then until every partition printed what is asked (30 s at most: cold JVMs on a loaded host)
        int[] asked = {0};
        RunSummary s = HostedSystems.ownKernels(true, () -> new HostedBoardSupport().boot(new BootRequest(config,
                HostedSystems.osModules(), jars, 30_000 * MS, watch::line,
                () -> ++asked[0] > 100 && until.stream().allMatch(watch::printed), null, 0)));
        System.out.print(s.format());
        return s;
    }

    @Test
    void eachPartitionsKernelRunsItsProcessesInItsWindows() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(HostedSystems.partition("a", 0, 0, "Ticker", 20 * MS),
                HostedSystems.partition("b", 1, 0, "Ticker", 20 * MS), HostedSystems.partition("c", 2, 1, "Ticker", 20 * MS)));
        BoardWatch watch = new BoardWatch();
        RunSummary s = run(config, watch, List.of("a: tick 10", "b: tick 10", "c: tick 10"));

        for (String p : List.of("a", "b", "c")) {
            assertTrue(watch.printed(p + ": tick 10"), p + " never ran: " + watch.lines());
        }
        assertEquals(Map.of("a", PartitionMode.NORMAL, "b", PartitionMode.NORMAL, "c", PartitionMode.NORMAL), s.modes(),
                "the modes the partitions' kernels reported");
        assertEquals(0, s.overruns(), s.format());
        assertTrue(s.boardReport().stream().anyMatch(l -> l.endsWith("(partition processes with kernels of their own)")),
                s.boardReport().toString());
    }

    @Test
    void aPartitionProcessThatEndsItselfIsLostAndColdStartedWhileItsNeighboursGoOn() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(HostedSystems.partition("quit", 0, 0,
                org.orrery.os.bsp.hosted.apps.HmApps.Halter.class.getName(), 20 * MS, List.of()),
                HostedSystems.partition("near", 1, 0, "Ticker", 20 * MS)));
        BoardWatch watch = new BoardWatch();
        RunSummary s = run(config, watch, List.of("near: tick 30"));

        List<HmEvent> lost = s.hmEvents().stream().filter(e -> e.partition().equals("quit")).toList();
        assertTrue(!lost.isEmpty() && lost.get(0).error() == ErrorCode.APPLICATION_ERROR
                && lost.get(0).message().startsWith("partition process ended unexpectedly"), s.format());
        assertTrue(watch.lines().stream().anyMatch(l -> l.contains("quit lost its partition process -> COLD_START")),
                watch.lines().toString());
        assertEquals(PartitionMode.NORMAL, s.modes().get("near"));
    }
}

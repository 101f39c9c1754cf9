// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.bsp.hosted.apps.MemoryApps;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.RunSummary;

/**
 * A partition JVM killed by its cgroup's out-of-memory killer is a MEMORY_VIOLATION for the health monitor, of the
 * process that was running, which the partition's own kernel leaves in the board's folder ({@link RunningProcess}).
 */
class OomTest {

    @Test
    void aPartitionKilledByItsCgroupsOomKillerIsAMemoryViolationWhileItsNeighbourGoesOn() throws Exception {
        PartitionConfig hog = new PartitionConfig("hog", 0, List.of(0), 64L << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, MemoryApps.OffHeapHog.class.getName(), "", 0,
                List.of(new ProcessConfig("main", ProcessKind.PERIODIC, 20 * MS, 20 * MS, 10, 0, 1L << 30)), List.of());
        SystemConfig config = HostedSystems.system(20 * MS, List.of(hog,
                HostedSystems.partition("near", 1, 1, "Ticker", 20 * MS)));
        BoardWatch watch = new BoardWatch();
        byte[] apps = HostedSystems.apps();
        // the run ends once the hog was killed and near ticked after it: a cold JVM that allocates near its cgroup's
        // limit took longer than the 2 s this test once ran for on a loaded host; 30 s is only a backstop
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("hog", apps, "near", apps), 30_000 * MS, watch::line, () -> {
                    int killed = watch.seen(ErrorCode.MEMORY_VIOLATION);
                    return killed >= 0 && watch.printed("near: tick 20") && watch.printed(killed, "near: tick");
                }, watch, 0));
        System.out.print(s.format());
        List<String> console = watch.lines();
        assertFalse(console.stream().anyMatch(l -> l.contains("hog: survived")), console.toString());
        List<HmEvent> memory = s.hmEvents().stream().filter(e -> e.error() == ErrorCode.MEMORY_VIOLATION).toList();
        // a lost partition process cold-starts its partition, which allocates again: one violation per start
        assertFalse(memory.isEmpty(), s.format());
        assertTrue(memory.stream().allMatch(e -> e.toString().contains("hog/main")), s.format());
        assertTrue(memory.get(0).toString().contains("killed by the out-of-memory killer at its cgroup's limit of 160 MiB "
                + "(memory budget 64 MiB + 96 MiB for the JVM)"), memory.get(0).toString());
        assertTrue(console.stream().anyMatch(l -> l.contains("near: tick 20")), "near stopped running: " + console);
        int killed = watch.seen(ErrorCode.MEMORY_VIOLATION);
        assertTrue(console.subList(killed, console.size()).stream().anyMatch(l -> l.contains("near: tick")),
                "near ran on after the hog was killed: " + console);
    }
}

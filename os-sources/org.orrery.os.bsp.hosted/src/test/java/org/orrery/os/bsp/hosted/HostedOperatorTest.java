// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.OperatorDesk;
import org.orrery.os.kernel.OperatorDesk.Action;
import org.orrery.os.kernel.OperatorDesk.Outcome;
import org.orrery.os.kernel.RunSummary;

/**
 * The operator's requests on the real-time board: queued from another thread, applied by the engine at its next
 * step; a stopped partition's process stops (its ticks end), a started one runs again from a cold start.
 */
class HostedOperatorTest {

    private static final long MS = HostedSystems.MS;

    @Test
    void aPartitionStopsAndStartsAgainWhileItsNeighbourKeepsTicking() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(HostedSystems.partition("a", 0, 0, "Ticker", 20 * MS),
                HostedSystems.partition("b", 1, 0, "Ticker", 20 * MS)));
        Map<String, byte[]> jars = new HashMap<>();
        byte[] apps = HostedSystems.apps();
        config.partitions().forEach(p -> jars.put(p.name(), apps));
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        OperatorDesk desk = new OperatorDesk();
        List<CompletableFuture<Outcome>> replies = new ArrayList<>();
        int[] slices = {0};
        int[] restartedAt = {-1};
        // asked by the engine's thread between 10 ms slices of board time: a foreign thread for the desk would do
        // as well, the desk only queues. The run ends a few slices after b's new JVM ticked: how long a cold JVM
        // takes to start depends on the host's load (over half a second in a CI run), the bound is only a backstop.
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(), jars, 30_000 * MS,
                console::add, () -> {
                    switch (++slices[0]) {
                        case 50 -> replies.add(desk.submit(Action.STOP, "b", "tester"));
                        case 100 -> replies.add(desk.submit(Action.START, "b", "tester"));
                        default -> {
                        }
                    }
                    if (restartedAt[0] < 0 && slices[0] > 100 && tickedAfterStart(List.copyOf(console))) {
                        restartedAt[0] = slices[0];
                    }
                    return restartedAt[0] >= 0 && slices[0] >= restartedAt[0] + 5;
                }, null, 0, desk));
        System.out.print(s.format());

        assertEquals(new Outcome(true, "b IDLE"), replies.get(0).getNow(null));
        assertEquals(new Outcome(true, "b COLD_START"), replies.get(1).getNow(null));
        assertEquals(Map.of("a", PartitionMode.NORMAL, "b", PartitionMode.NORMAL), s.modes());
        List<String> lines = List.copyOf(console);
        int stopped = index(lines, "OPERATOR: tester: stop b -> b IDLE");
        int started = index(lines, "OPERATOR: tester: start b -> b COLD_START");
        assertTrue(stopped >= 0 && started > stopped, lines.toString());
        assertTrue(lines.subList(stopped + 1, started).stream().noneMatch(l -> l.contains("b: tick")),
                "b printed nothing while IDLE: " + lines);
        assertTrue(lines.subList(stopped + 1, lines.size()).stream().anyMatch(l -> l.contains("a: tick")),
                "a went on: " + lines);
        assertTrue(lines.subList(started + 1, lines.size()).stream().anyMatch(l -> l.contains("b: tick 0")),
                "b ran again from a cold start: " + lines);
        for (OperatorDesk.WindowUse u : desk.windowUse()) {
            assertTrue(u.windows() > 0 && u.windowNs() == 10 * MS && u.busyNs() >= 0 && u.busyNs() <= u.windowNs(),
                    u.toString());
        }
        // a ticks in each of its windows: its kernel accounts that, and the module's desk shows it (it showed 0 for
        // every partition once the partitions had kernels of their own)
        OperatorDesk.WindowUse a = desk.windowUse().stream().filter(u -> u.partition().equals("a")).findFirst()
                .orElseThrow();
        assertTrue(a.busyNs() > 0, a.toString());
        System.out.println("[hosted-operator] last windows: " + desk.windowUse());
    }

    private static boolean tickedAfterStart(List<String> lines) {
        int started = index(lines, "OPERATOR: tester: start b -> b COLD_START");
        return started >= 0 && lines.subList(started + 1, lines.size()).stream().anyMatch(l -> l.contains("b: tick 0"));
    }

    private static int index(List<String> lines, String suffix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }
}

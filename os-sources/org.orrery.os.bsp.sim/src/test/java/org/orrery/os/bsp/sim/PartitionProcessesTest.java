// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.bsp.sim.contained.Attacks;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.bsp.sim.process.TestJars;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.HmEvent;

/**
 * Partitions in their own processes: one misbehaving partition ({@code bad}, core 0, 0..10 ms of each 20 ms
 * frame), a neighbour on its core ({@code good}, 10..20 ms) and one on the other core ({@code far}). Whatever
 * {@code bad} does, both neighbours print once in every frame, the health monitor reports {@code bad}, and the
 * board finishes its run.
 */
class PartitionProcessesTest {
    private static final long FRAME = 20 * MS;
    private static final int FRAMES = 10;

    private static Map<String, byte[]> osModules;
    private static byte[] apps;

    @BeforeAll
    static void jars() throws Exception {
        osModules = TestJars.runtime();
        apps = TestJars.jarOf(Attacks.class, "org/orrery/os/bsp/sim/contained/");
    }

    private static PartitionConfig partition(String name, int index, int core, String entry) {
        return new PartitionConfig(name, index, List.of(core), 1 << 20, Criticality.C, SchedulingPolicy.FIXED_PRIORITY,
                0, Attacks.class.getName() + "$" + entry, "", 0, List.of(Sys.periodic("main", FRAME, FRAME, 10)),
                List.of());
    }

    static SystemConfig system(String attack) {
        return Sys.system(Sys.board(2),
                List.of(partition("bad", 0, 0, attack), partition("good", 1, 0, "Neighbour"),
                        partition("far", 2, 1, "Neighbour")),
                List.of(), List.of(Sys.plan("main", FRAME, Sys.window(0, 0, 10 * MS, "bad"),
                        Sys.window(0, 10 * MS, 10 * MS, "good"), Sys.window(1, 0, 20 * MS, "far"))),
                List.of(), List.of());
    }

    static SimResult run(SystemConfig config) throws Exception {
        Map<String, byte[]> jars = Map.of("bad", apps, "good", apps, "far", apps);
        try (PartitionProcesses processes = PartitionProcesses.start(config, osModules, jars)) {
            // The guard is wall-clock time: a neighbour's cold JVM initialising beside a spinning attacker on a loaded
            // 2-core host has taken more than 3 s to return (a false overrun of the neighbour); 8 s is the bound.
            return Simulator.of(config, ApplicationLoader.of(Map.of())).partitionProcesses(processes)
                    .guardMillis(8000).run(FRAMES * FRAME);
        }
    }

    private static void assertNeighboursOnTime(SimResult r) {
        for (String p : List.of("good", "far")) {
            List<String> ticks = r.console().stream().filter(l -> l.contains(p + ": tick")).toList();
            assertEquals(FRAMES, ticks.size(), p + " printed in every frame: " + r.console());
            long start = p.equals("good") ? 10 : 0;
            for (int i = 0; i < FRAMES; i++) {
                assertTrue(ticks.get(i).endsWith("tick " + (i * FRAME / MS + start)), ticks.get(i));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Spin, WINDOW_OVERRUN",
        "Allocate, MEMORY_VIOLATION",
        "Recurse, STACK_OVERFLOW",
        "Exit, APPLICATION_ERROR",
        "Halt, APPLICATION_ERROR",
        "LoopingToString, WINDOW_OVERRUN",
        "ThrowingToString, APPLICATION_ERROR",
        "EndlessConstructor, WINDOW_OVERRUN",
    })
    void aFaultStaysInsideItsPartition(String attack, ErrorCode expected) throws Exception {
        SimResult r = run(system(attack));
        assertNeighboursOnTime(r);
        List<HmEvent> bad = r.summary().hmEvents().stream().filter(e -> e.partition().equals("bad")).toList();
        assertTrue(bad.stream().anyMatch(e -> e.error() == expected), expected + " for bad: " + bad);
        assertTrue(r.summary().hmEvents().stream().allMatch(e -> e.partition().equals("bad")),
                "only bad is reported: " + r.summary().hmEvents());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"InterruptAll", "Threads", "Properties"})
    void whatAPartitionDoesToItsOwnProcessStaysThere(String attack) throws Exception {
        SimResult first = run(system(attack));
        assertNeighboursOnTime(first);
        // deterministic despite the attack: the same lines again
        assertEquals(first.console(), run(system(attack)).console());
    }

    @Test
    void partitionProcessesRunExactlyAsTheKernelsJvmDoes() throws Exception {
        SystemConfig config = system("Neighbour");
        SimResult remote = run(config);
        SimResult local = Simulator.of(config, ApplicationLoader.of(Map.of("bad", Attacks.Neighbour::new,
                "good", Attacks.Neighbour::new, "far", Attacks.Neighbour::new))).run(FRAMES * FRAME);
        assertEquals(local.console(), remote.console());
        assertEquals(Sys.hash(local), Sys.hash(remote));
    }
}

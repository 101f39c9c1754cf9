// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orrery.os.api.Message;
import org.orrery.os.bsp.sim.contained.Attacks;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.bsp.sim.process.RoguePartition;
import org.orrery.os.bsp.sim.process.TestJars;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.partition.wire.Wire;

/**
 * The kernel's end of the partition wire against a partition process that breaks it ({@link RoguePartition}, in
 * {@link PartitionProcessesTest}'s system as partition {@code bad}): each breach is refused with its reason, the
 * health monitor reports it for {@code bad} alone, and the neighbours keep their windows.
 */
class PartitionWireRefusalTest {

    private static Map<String, byte[]> osModules;
    private static byte[] apps;

    @BeforeAll
    static void jars() throws Exception {
        osModules = TestJars.runtime();
        apps = TestJars.jarOf(Attacks.class, "org/orrery/os/bsp/sim/contained/");
    }

    /** Where these classes come from, as a class path (tests run on the module path). */
    private static String classPath(Class<?>... types) {
        List<String> cp = new ArrayList<>();
        for (Class<?> t : types) {
            try {
                cp.add(Path.of(t.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(":", cp);
    }

    /** Starts partition {@code bad} as a rogue that breaks the wire {@code how}; the others as they are. */
    private static PartitionProcesses.Launcher rogue(String how) {
        return (partition, builder) -> {
            if (partition.name().equals("bad")) {
                List<String> cmd = builder.command();
                List<String> args = cmd.subList(cmd.size() - 3, cmd.size());
                List<String> rogue = new ArrayList<>(List.of(cmd.get(0), "-Dorrery.rogue=" + how, "-cp",
                        classPath(RoguePartition.class, Wire.class, Message.class), RoguePartition.class.getName()));
                rogue.addAll(args);
                builder.command(rogue);
            }
            return builder.start();
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name | cannot start the partition process of bad: it did not introduce itself as partition bad",
        "api  | cannot start the partition process of bad: the partition runtime in the image speaks another version of the partition API than this kernel; rebuild the image with this Orrery",
        "turn | the partition process spoke out of turn (protocol violation)",
        "call        | the partition process made a call that is not in the partition API (protocol violation): Partition has no method #999",
        "object      | the partition process made a call that is not in the partition API (protocol violation): it called service #7, which the kernel never gave it",
        "service     | the partition process sent an invalid frame (protocol violation): it named service #42, which the kernel never gave it",
        "servicetype | the partition process sent an invalid frame (protocol violation): it named service #0, a Partition, as a Semaphore",
    })
    void aPartitionProcessThatBreaksTheWireIsRefusedWithItsReason(String how, String reason) throws Exception {
        SystemConfig config = PartitionProcessesTest.system("Neighbour");
        SimResult r;
        try (PartitionProcesses processes = PartitionProcesses.start(config, osModules,
                Map.of("bad", apps, "good", apps, "far", apps), rogue(how))) {
            r = Simulator.of(config, ApplicationLoader.of(Map.of())).partitionProcesses(processes).guardMillis(8000)
                    .run(4 * 20 * Sys.MS);
        }
        List<HmEvent> hm = r.summary().hmEvents();
        assertTrue(hm.stream().allMatch(e -> e.partition().equals("bad")), "only bad is reported: " + hm);
        assertTrue(hm.stream().anyMatch(e -> e.message().contains(reason)), reason + " in " + hm);
        for (String p : List.of("good", "far")) {
            assertEquals(4, r.console().stream().filter(l -> l.contains(p + ": tick")).count(), p + ": " + r.console());
        }
    }
}

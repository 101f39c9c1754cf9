// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits cover the DSL benchmark's module (256 cores, 1,000 partitions, 10,000 channels) and are
 * enforced one past the maximum, by the writer and by the reader.
 */
class ScaleTest {
    private static final long MS = 1_000_000L;

    /** {@code partitions} partitions spread over {@code cores} cores, one window each, {@code channels} channels. */
    static SystemConfig module(int cores, int partitions, int channels) {
        List<List<PortConfig>> ports = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ports.add(new ArrayList<>());
        }
        List<ChannelConfig> chans = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            int src = c % partitions;
            int dst = (src + 1 + c / partitions) % partitions;
            if (dst == src) {
                dst = (dst + 1) % partitions;
            }
            ports.get(src).add(new PortConfig("out" + c, PortKind.QUEUING, PortDirection.SOURCE, 64, 0, 8));
            ports.get(dst).add(new PortConfig("in" + c, PortKind.QUEUING, PortDirection.DESTINATION, 64, 0, 8));
            chans.add(new ChannelConfig("ch" + c, PortKind.QUEUING, new PortEndpoint("p" + src, "out" + c),
                    List.of(new PortEndpoint("p" + dst, "in" + c)), OverflowPolicy.DROP_NEWEST));
        }
        int perCore = (partitions + cores - 1) / cores;
        List<PartitionConfig> parts = new ArrayList<>();
        List<WindowConfig> windows = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int core = p % cores;
            parts.add(new PartitionConfig("p" + p, p, List.of(core), 1 << 20, Criticality.C,
                    SchedulingPolicy.FIXED_PRIORITY, 0, "bench.P" + p, "", 0,
                    List.of(new ProcessConfig("control", ProcessKind.PERIODIC, 100 * MS, 100 * MS, 10, MS, 16384)),
                    ports.get(p)));
            windows.add(new WindowConfig(core, (p / cores) * MS, MS, "p" + p));
        }
        List<CoreFrame> frames = new ArrayList<>();
        for (int core = 0; core < cores; core++) {
            frames.add(new CoreFrame(core, Math.max(perCore, 1) * MS));
        }
        BoardConfig board = new BoardConfig("sim", cores, 64L << 30, 1_000, true, List.of(), 0, 0, List.of());
        return new SystemConfig("large", board, List.of(), parts, chans,
                List.of(new PlanConfig("normal", frames, windows)), "normal", List.of(), List.of(), List.of(),
                List.of());
    }

    @Test
    void benchmarkModuleRoundTrips() throws ConfigException {
        SystemConfig c = module(256, 1000, 10_000);
        byte[] bytes = ConfigWriter.write(c);
        assertEquals(c, ConfigReader.read(bytes));
        assertArrayEquals(bytes, ConfigWriter.write(module(256, 1000, 10_000)), "same model, same bytes");
    }

    @Test
    void maximaAreAcceptedAndOnePastIsRefused() throws ConfigException {
        assertTrue(ConfigValidator.validate(module(Limits.MAX_CORES, Limits.MAX_PARTITIONS, Limits.MAX_PARTITIONS))
                .isEmpty());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigWriter.write(module(Limits.MAX_CORES, Limits.MAX_PARTITIONS + 1, 1)));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("partitions")
                && p.message().contains("at most " + Limits.MAX_PARTITIONS)), e.problems().toString());
        ConfigException ch = assertThrows(ConfigException.class,
                () -> ConfigWriter.write(module(Limits.MAX_CORES, Limits.MAX_PARTITIONS, Limits.MAX_CHANNELS + 1)));
        assertEquals(List.of(new ConfigProblem("channels", "has " + (Limits.MAX_CHANNELS + 1) + " entries, at most "
                + Limits.MAX_CHANNELS + " allowed")), ch.problems());
    }
}

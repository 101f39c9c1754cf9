// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.orrery.os.api.Partition;
import org.orrery.os.bsp.hosted.apps.HostedApps;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.partition.PartitionClassLoader;
import org.orrery.os.partition.PartitionMain;

/** Test systems for the hosted board, with the jars a board starts partition processes from. */
final class HostedSystems {
    static final long MS = 1_000_000L;

    private HostedSystems() {
    }

    /** The image's OS modules a partition process starts from. */
    static Map<String, byte[]> osModules() throws IOException, URISyntaxException {
        return Map.of("org.orrery.os.api", jarOf(Partition.class, null), "org.orrery.os.partition",
                jarOf(PartitionMain.class, null));
    }

    /** The test applications as one application jar. */
    static byte[] apps() throws IOException, URISyntaxException {
        return jarOf(HostedApps.class, "org/orrery/os/bsp/hosted/apps/");
    }

    static PartitionConfig partition(String name, int index, int core, String app, long period) {
        return partition(name, index, core, HostedApps.class.getName() + "$" + app, period, List.of());
    }

    /** A partition running {@code entryClass} (a class of the test applications) with {@code ports}. */
    static PartitionConfig partition(String name, int index, int core, String entryClass, long period,
            List<PortConfig> ports) {
        return new PartitionConfig(name, index, List.of(core), 8L << 20, Criticality.C, SchedulingPolicy.FIXED_PRIORITY,
                0, entryClass, "", 0,
                List.of(new ProcessConfig("main", ProcessKind.PERIODIC, period, period, 10, 0, 65536)), ports);
    }

    /**
     * Two cores; on each core the partitions listed for it share a major frame of {@code frame} in equal windows.
     */
    static SystemConfig system(long frame, List<PartitionConfig> partitions) {
        return system(frame, partitions, List.of());
    }

    /** As {@link #system(long, List)}, with {@code channels}. */
    static SystemConfig system(long frame, List<PartitionConfig> partitions, List<ChannelConfig> channels) {
        List<WindowConfig> windows = new ArrayList<>();
        for (int core = 0; core < 2; core++) {
            int c = core;
            List<PartitionConfig> on = partitions.stream().filter(p -> p.cores().get(0) == c).toList();
            for (int i = 0; i < on.size(); i++) {
                windows.add(new WindowConfig(core, i * frame / on.size(), frame / on.size(), on.get(i).name()));
            }
        }
        return system(frame, partitions, channels, windows);
    }

    /** Two cores with frames of {@code frame} and the given windows. */
    static SystemConfig system(long frame, List<PartitionConfig> partitions, List<ChannelConfig> channels,
            List<WindowConfig> windows) {
        List<CoreFrame> frames = List.of(new CoreFrame(0, frame), new CoreFrame(1, frame));
        PlanConfig plan = new PlanConfig("normal", frames, windows);
        BoardConfig board = new BoardConfig("hosted", 2, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        return new SystemConfig("hosted_test", board, List.of(), partitions, channels, List.of(plan), "normal",
                List.of(), List.of(), List.of(), List.of());
    }

    private static byte[] jarOf(Class<?> type, String prefix) throws IOException, URISyntaxException {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(root)) {
            return Files.readAllBytes(root);
        }
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (prefix == null || name.startsWith(prefix)) {
                    entries.put(name, Files.readAllBytes(f));
                }
            }
        }
        return PartitionClassLoader.jar(entries);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.bsp.hosted.shm.PortRegion;
import org.orrery.os.bsp.hosted.shm.ReadCounter;
import org.orrery.os.bsp.hosted.shm.RegionSpec;
import org.orrery.os.bsp.hosted.shm.SamplingSlot;
import org.orrery.os.bsp.hosted.shm.ShmException;
import org.orrery.os.bsp.hosted.shm.ShmFolder;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.Limits;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.partition.LocalPorts;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/**
 * The kernel's side of the shared-memory ports: creates one region per sampling channel and one read counter per
 * destination in the board's {@link ShmFolder}, starts each partition process with the plan of its own ports (and
 * the runtime that serves them, {@link PartitionPorts}), publishes the board clock's origin when the schedule starts,
 * and turns the traffic it never sees into trace events.
 *
 * <p>Tracing: between slices of board time the kernel reads each channel's message count and each destination's
 * read count and emits one PORT_SEND or PORT_RECEIVE per message since the last look, at the time it looks (at most a
 * slice, 10 ms, after the traffic), on the partition's core, with the length of the latest message.
 */
public final class BoardPorts implements AutoCloseable {
    private final ShmFolder folder;
    private final List<PortRegion> regions = new ArrayList<>();
    private final Map<String, PortPlan> plans = new HashMap<>();
    private final List<Counted> counted = new ArrayList<>();
    private final String classPath;

    /** One count the kernel traces: sends of a channel's source or reads of one destination. */
    private static final class Counted {
        final int core;
        final int partition;
        final int port;
        final TraceEventType type;
        final SamplingSlot slot;
        final ReadCounter reads;
        long seen;

        Counted(PartitionConfig p, int port, SamplingSlot slot, ReadCounter reads) {
            this.core = p.cores().get(0);
            this.partition = p.index();
            this.port = port;
            this.type = slot != null ? TraceEventType.PORT_SEND : TraceEventType.PORT_RECEIVE;
            this.slot = slot;
            this.reads = reads;
        }

        long count() {
            return slot != null ? slot.latest() : reads.reads();
        }

        int length() {
            return slot != null ? slot.latestLength() : reads.lastLength();
        }
    }

    private BoardPorts(ShmFolder folder, String classPath) {
        this.folder = folder;
        this.classPath = classPath;
    }

    /**
     * Set to {@code kernel}, every port call goes to the kernel over the partition's socket as before shared memory
     * (the baseline the port benchmark measures against in the same run).
     */
    public static final String MODE_PROPERTY = "orrery.hosted.ports";

    /** Creates the regions of every sampling channel of {@code config} under {@code parent} (normally /dev/shm). */
    public static BoardPorts create(SystemConfig config, Path parent, String board) throws ShmException {
        BoardPorts ports = new BoardPorts(ShmFolder.create(parent, board), runtimeClassPath());
        boolean kernelOnly = "kernel".equals(System.getProperty(MODE_PROPERTY));
        try {
            Map<String, List<PortPlan.Entry>> entries = new LinkedHashMap<>();
            for (ChannelConfig ch : config.channels()) {
                if (ch.kind() == PortKind.SAMPLING && !kernelOnly) {
                    ports.sampling(config, ch, entries);
                }
            }
            Path clock = ports.folder.clock();
            entries.forEach((p, e) -> ports.plans.put(p, new PortPlan(clock, List.copyOf(e))));
            return ports;
        } catch (ShmException | RuntimeException e) {
            ports.close();
            throw e;
        }
    }

    private void sampling(SystemConfig config, ChannelConfig ch, Map<String, List<PortPlan.Entry>> entries)
            throws ShmException {
        PortConfig source = port(config, ch.source());
        int max = (int) source.maxMessageSize();
        Path slotFile = folder.sampling(ch.name());
        PortRegion slot = region(PortRegion.create(slotFile, RegionSpec.sampling(max)));
        PartitionConfig sp = config.partitions().get(config.partitionIndex(ch.source().partition()));
        counted.add(new Counted(sp, sp.portIndex(source.name()), SamplingSlot.reader(slot), null));
        entries.computeIfAbsent(sp.name(), k -> new ArrayList<>())
                .add(new PortPlan.Entry(source.name(), true, max, 0, slotFile, null));
        for (int d = 0; d < ch.destinations().size(); d++) {
            PortEndpoint e = ch.destinations().get(d);
            PortConfig dest = port(config, e);
            PartitionConfig dp = config.partitions().get(config.partitionIndex(e.partition()));
            Path readsFile = folder.samplingReads(ch.name(), d);
            PortRegion reads = region(PortRegion.create(readsFile, RegionSpec.samplingReads(max)));
            counted.add(new Counted(dp, dp.portIndex(dest.name()), null, ReadCounter.reader(reads)));
            entries.computeIfAbsent(dp.name(), k -> new ArrayList<>()).add(new PortPlan.Entry(dest.name(), false, max,
                    dest.refreshPeriodNs(), slotFile, readsFile));
        }
    }

    private PortRegion region(PortRegion r) {
        regions.add(r);
        return r;
    }

    private static PortConfig port(SystemConfig config, PortEndpoint e) {
        PartitionConfig p = config.partitions().get(config.partitionIndex(e.partition()));
        return p.ports().get(p.portIndex(e.port()));
    }

    /**
     * {@code inner} with each partition process started to serve its own ports: the plan and {@link PartitionPorts}
     * as system properties, and this board's classes (shared memory) and the configuration's behind the runtime's on
     * its class path; the application still sees only the API and its own jar.
     */
    public PartitionProcesses.Launcher launcher(PartitionProcesses.Launcher inner) {
        return (partition, builder) -> {
            PortPlan plan = plans.get(partition.name());
            if (plan != null) {
                List<String> cmd = new ArrayList<>(builder.command());
                int cp = cmd.indexOf("-cp");
                if (cp < 0 || cp + 1 >= cmd.size()) {
                    throw new IOException("partition " + partition.name() + ": its command has no class path");
                }
                cmd.set(cp + 1, cmd.get(cp + 1) + ":" + classPath);
                cmd.addAll(1, List.of("-D" + LocalPorts.PROPERTY + "=" + PartitionPorts.class.getName(),
                        "-D" + PortPlan.PROPERTY + "=" + plan.encode(),
                        "-D" + PortPlan.CLOCK_PROPERTY + "=" + plan.clock()));
                builder.command(cmd);
            }
            return inner.start(partition, builder);
        };
    }

    /** Board time 0 is CLOCK_MONOTONIC {@code originNs}: partitions stamp messages in board time from now on. */
    public void clockStarted(long originNs) throws IOException {
        Path f = folder.clock();
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(originNs));
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Traces the port traffic since the last call into the kernel's per-core buffers (under the kernel's lock). */
    public void trace(TraceBuffer[] buffers, long nowNs) {
        for (Counted c : counted) {
            long n = c.count();
            if (n == c.seen) {
                continue;
            }
            int length = c.length();
            TraceBuffer b = buffers[c.core];
            for (long k = c.seen; k < n; k++) {
                b.emit(nowNs, c.type, c.partition, c.port, length);
            }
            c.seen = n;
        }
    }

    /** The folder of this board's regions. */
    public Path folder() {
        return folder.dir();
    }

    /** Where this board's classes and the configuration's come from (directories in a build, jars otherwise). */
    private static String runtimeClassPath() {
        return location(BoardPorts.class) + ":" + location(Limits.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find the jar of " + type.getName() + " to start partitions from", e);
        }
    }

    @Override
    public void close() throws ShmException {
        for (PortRegion r : regions) {
            r.close();
        }
        folder.close();
    }
}

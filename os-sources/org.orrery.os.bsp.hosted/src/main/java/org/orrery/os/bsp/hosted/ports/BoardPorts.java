// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.orrery.os.bsp.hosted.linux.Futex;
import org.orrery.os.bsp.hosted.linux.PartitionUsers;
import org.orrery.os.bsp.hosted.shm.PortRegion;
import org.orrery.os.bsp.hosted.shm.QueueRing;
import org.orrery.os.bsp.hosted.shm.TrafficCounter;
import org.orrery.os.bsp.hosted.shm.RegionSpec;
import org.orrery.os.bsp.hosted.shm.SamplingSlot;
import org.orrery.os.bsp.hosted.shm.ShmException;
import org.orrery.os.bsp.hosted.shm.ShmFolder;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.PortStorage;
import org.orrery.os.partition.LocalPorts;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;

/**
 * The kernel's side of the shared-memory ports: creates the regions of every channel in the board's
 * {@link ShmFolder} (a slot per sampling channel, a ring and a consumer region per queuing destination, a traffic
 * counter per port that passes messages), starts each partition process with the plan of its own ports (and
 * the runtime that serves them, {@link PartitionPorts}), publishes the board clock's origin when the schedule starts,
 * and turns the traffic it never sees into trace events.
 *
 * <p>Tracing: between slices of board time the kernel reads each channel's message count and each destination's
 * read count (and each queuing destination's overflows) and emits one PORT_SEND, PORT_RECEIVE or PORT_OVERFLOW per
 * message since the last look, at the time it looks (at most a
 * slice, 10 ms, after the traffic), on the partition's core, with the length of the latest message.
 */
public final class BoardPorts implements AutoCloseable, PortStorage {
    private final ShmFolder folder;
    /** Who partitions run as: each region belongs to the partition that writes it, its readers' group may read it. */
    private final PartitionUsers users;
    private final List<PortRegion> regions = new ArrayList<>();
    private final Map<String, PortPlan> plans = new HashMap<>();
    private final List<Counted> counted = new ArrayList<>();
    /** What empties each partition's destinations in shared memory, by partition index. */
    private final Map<Integer, List<Runnable>> emptiers = new HashMap<>();
    /** The futex watchers of each queuing port served from shared memory, by partition and port index (else null). */
    private final PortWatch[][][] watches;
    private final List<PortWatch> allWatches = new ArrayList<>();

    /** One count the kernel traces: messages of one port, or overflows of one queuing destination. */
    private static final class Counted {
        final int core;
        final int partition;
        final int port;
        final TraceEventType type;
        final LongSupplier count;
        final IntSupplier length;
        long seen;

        /** Events go to {@code on}'s core and name {@code partition}'s port {@code port}. */
        Counted(PartitionConfig on, PartitionConfig partition, int port, TraceEventType type, LongSupplier count,
                IntSupplier length) {
            this.core = on.cores().get(0);
            this.partition = partition.index();
            this.port = port;
            this.type = type;
            this.count = count;
            this.length = length;
        }
    }

    private BoardPorts(ShmFolder folder, SystemConfig config, PartitionUsers users) {
        this.users = users;
        this.folder = folder;
        watches = new PortWatch[config.partitions().size()][][];
        for (PartitionConfig p : config.partitions()) {
            watches[p.index()] = new PortWatch[p.ports().size()][];
        }
    }

    /**
     * Creates the regions of every channel of {@code config} under {@code parent} (normally /dev/shm), after removing
     * the folders of boards named {@code <staleBoardPrefix><pid>-...} whose kernel process is gone.
     */
    public static BoardPorts create(SystemConfig config, Path parent, String board, String staleBoardPrefix,
            PartitionUsers users) throws ShmException {
        ShmFolder.removeStaleBoards(parent, staleBoardPrefix);
        if (!Futex.available()) {
            throw new ShmException("the futex system call cannot be linked on this machine (blocked port calls wait"
                    + " on it)");
        }
        BoardPorts ports = new BoardPorts(ShmFolder.create(parent, board), config, users);
        try {
            try {
                users.share(ports.folder.dir(), "rwx--x--x"); // partitions open their regions by name, list nothing
            } catch (IOException e) {
                throw new ShmException(ports.folder.dir() + ": " + e.getMessage(), e);
            }
            Map<String, List<PortPlan.Entry>> entries = new LinkedHashMap<>();
            for (ChannelConfig ch : config.channels()) {
                if (ch.kind() == PortKind.SAMPLING) {
                    ports.sampling(config, ch, entries);
                } else {
                    ports.queuing(config, ch, entries);
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
        SamplingSlot slot = SamplingSlot.reader(region(PortRegion.create(slotFile, RegionSpec.sampling(max))));
        PartitionConfig sp = partition(config, ch.source());
        hand(slotFile, sp.index(), ch.destinations().stream().map(e -> partition(config, e).index()).toList());
        counted.add(new Counted(sp, sp, sp.portIndex(source.name()), TraceEventType.PORT_SEND, slot::latest,
                slot::latestLength));
        entries.computeIfAbsent(sp.name(), k -> new ArrayList<>()).add(new PortPlan.Entry(source.name(), false, true,
                max, 0, List.of(), null, null, List.of(slotFile), List.of()));
        for (int d = 0; d < ch.destinations().size(); d++) {
            PortEndpoint e = ch.destinations().get(d);
            PortConfig dest = port(config, e);
            PartitionConfig dp = partition(config, e);
            Path trafficFile = folder.traffic(ch.name(), d);
            TrafficCounter reads = counter(trafficFile, max);
            hand(trafficFile, dp.index(), List.of());
            counted.add(new Counted(dp, dp, dp.portIndex(dest.name()), TraceEventType.PORT_RECEIVE, reads::reads,
                    reads::lastLength));
            emptier(dp, () -> reads.emptied(slot.latest()));
            entries.computeIfAbsent(dp.name(), k -> new ArrayList<>()).add(new PortPlan.Entry(dest.name(), false, false,
                    max, dest.refreshPeriodNs(), List.of(), null, trafficFile, List.of(slotFile), List.of()));
        }
    }

    /**
     * A ring and a consumer region per destination (the kernel's one FIFO each), a traffic counter for the source
     * (PORT_SEND) and each destination (PORT_RECEIVE); each ring's overflows are traced on the source's core naming
     * the destination, as the kernel does.
     */
    private void queuing(SystemConfig config, ChannelConfig ch, Map<String, List<PortPlan.Entry>> entries)
            throws ShmException {
        PortConfig source = port(config, ch.source());
        PartitionConfig sp = partition(config, ch.source());
        int max = (int) source.maxMessageSize();
        List<Path> ringFiles = new ArrayList<>();
        List<Path> consumerFiles = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (int d = 0; d < ch.destinations().size(); d++) {
            PortEndpoint e = ch.destinations().get(d);
            PortConfig dest = port(config, e);
            PartitionConfig dp = partition(config, e);
            int depth = dest.queueDepth();
            Path ringFile = folder.queue(ch.name(), d);
            Path consumerFile = folder.consumer(ch.name(), d);
            Path trafficFile = folder.traffic(ch.name(), d);
            QueueRing ring = QueueRing.destination(region(PortRegion.create(ringFile, RegionSpec.queue(max, depth))),
                    region(PortRegion.create(consumerFile, RegionSpec.consumer(max, depth))));
            TrafficCounter receives = counter(trafficFile, max);
            hand(ringFile, sp.index(), List.of(dp.index()));
            hand(consumerFile, dp.index(), List.of(sp.index()));
            hand(trafficFile, dp.index(), List.of());
            emptier(dp, ring::clear);
            int destPort = dp.portIndex(dest.name());
            watch(new PortWatch(ring, true, dp.index(), destPort));
            watch(new PortWatch(ring, false, sp.index(), sp.portIndex(source.name())));
            counted.add(new Counted(dp, dp, destPort, TraceEventType.PORT_RECEIVE, receives::reads,
                    receives::lastLength));
            counted.add(new Counted(sp, dp, destPort, TraceEventType.PORT_OVERFLOW, ring::overflows, () -> 1));
            entries.computeIfAbsent(dp.name(), k -> new ArrayList<>()).add(new PortPlan.Entry(dest.name(), true, false,
                    max, 0, List.of(depth), null, trafficFile, List.of(ringFile), List.of(consumerFile)));
            ringFiles.add(ringFile);
            depths.add(depth);
            consumerFiles.add(consumerFile);
        }
        Path sourceTraffic = folder.sourceTraffic(ch.name());
        TrafficCounter sends = counter(sourceTraffic, max);
        hand(sourceTraffic, sp.index(), List.of());
        counted.add(new Counted(sp, sp, sp.portIndex(source.name()), TraceEventType.PORT_SEND, sends::reads,
                sends::lastLength));
        entries.computeIfAbsent(sp.name(), k -> new ArrayList<>()).add(new PortPlan.Entry(source.name(), true, true, max,
                0, List.copyOf(depths), ch.overflow(), sourceTraffic, List.copyOf(ringFiles), List.copyOf(consumerFiles)));
    }

    /** Region {@code file} is written by partition {@code writer} alone and read by {@code readers} (and the board). */
    private void hand(Path file, int writer, List<Integer> readers) throws ShmException {
        try {
            users.region(file, writer, readers);
        } catch (IOException e) {
            throw new ShmException(file + ": cannot hand the region to its partition: " + e.getMessage(), e);
        }
    }

    private void watch(PortWatch w) {
        PortWatch[] had = watches[w.partition()][w.port()];
        PortWatch[] now = had == null ? new PortWatch[1] : java.util.Arrays.copyOf(had, had.length + 1);
        now[now.length - 1] = w;
        watches[w.partition()][w.port()] = now;
        allWatches.add(w);
    }

    /**
     * Starts the futex watchers (before the schedule): each tells {@code kernel} when a port its processes wait on is
     * ready; {@code threadSetup} runs first on each watcher's thread (the board gives it the kernel calls' priority).
     */
    public void start(Kernel kernel, Runnable threadSetup) {
        start(kernel, threadSetup, partition -> true);
    }

    /**
     * As {@link #start(Kernel, Runnable)} for the ports of the partitions {@code here} accepts only: the others'
     * processes wait in kernels of their own, whose processes watch their rings ({@link OwnPorts}).
     */
    public void start(Kernel kernel, Runnable threadSetup, java.util.function.IntPredicate here) {
        for (PortWatch w : allWatches) {
            if (here.test(w.partition())) {
                w.start(kernel::portReady, threadSetup);
            }
        }
    }

    @Override
    public boolean external(int partition, int port) {
        return watches[partition][port] != null;
    }

    @Override
    public boolean ready(int partition, int port) {
        for (PortWatch w : watches[partition][port]) {
            if (!w.ready()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void waiting(int partition, int port) {
        for (PortWatch w : watches[partition][port]) {
            w.arm();
        }
    }

    private void emptier(PartitionConfig destination, Runnable empty) {
        emptiers.computeIfAbsent(destination.index(), k -> new ArrayList<>()).add(empty);
    }

    /**
     * The kernel emptied {@code partition}'s destinations (restart, idling, module reset): its queues in shared memory
     * are emptied too and its sampling destinations forget the channel's current message, at the same instant (the
     * kernel's lock is held). A partition process of the restarting partition that still runs its own code at this
     * instant could receive a message the kernel already counts as gone; the processes the kernel stopped make no call.
     */
    @Override
    public void emptied(int partition) {
        for (Runnable r : emptiers.getOrDefault(partition, List.of())) {
            r.run();
        }
    }

    private TrafficCounter counter(Path file, int max) throws ShmException {
        return TrafficCounter.reader(region(PortRegion.create(file, RegionSpec.traffic(max))));
    }

    private static PartitionConfig partition(SystemConfig config, PortEndpoint e) {
        return config.partitions().get(config.partitionIndex(e.partition()));
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
     * The JVM options with which a process of {@code partition} serves its own ports ({@link PartitionPorts} from the
     * properties, the plan of its ports, the board's clock file); none for a partition without ports here. Its class
     * path must hold this board's classes and the configuration's.
     */
    public List<String> partitionOptions(String partition) {
        PortPlan plan = plans.get(partition);
        if (plan == null) {
            return List.of();
        }
        return List.of("-D" + LocalPorts.PROPERTY + "=" + PartitionPorts.class.getName(),
                "-D" + PortPlan.PROPERTY + "=" + plan.encode(), "-D" + PortPlan.CLOCK_PROPERTY + "=" + plan.clock());
    }

    /** Board time 0 is CLOCK_MONOTONIC {@code originNs}: partitions stamp messages in board time from now on. */
    public void clockStarted(long originNs) throws IOException {
        Path f = folder.clock();
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(originNs));
        users.share(tmp, "rw-r--r--"); // every partition reads it, whatever the board's umask
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Traces the port traffic since the last call into the kernel's per-core buffers (under the kernel's lock). */
    public void trace(TraceBuffer[] buffers, long nowNs) {
        for (Counted c : counted) {
            long n = c.count.getAsLong();
            if (n == c.seen) {
                continue;
            }
            int length = c.length.getAsInt();
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

    @Override
    public void close() throws ShmException {
        boolean stopped = true;
        for (PortWatch w : allWatches) {
            stopped &= w.close();
        }
        for (PortRegion r : stopped ? regions : List.<PortRegion>of()) {
            r.close(); // a watcher still running would fault on an unmapped region: its mappings go with the process
        }
        folder.close();
    }
}

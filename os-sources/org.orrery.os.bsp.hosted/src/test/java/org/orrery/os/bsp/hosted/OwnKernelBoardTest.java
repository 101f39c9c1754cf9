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
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceEventType;

/**
 * The hosted board with a kernel in each partition process: real partition JVMs in cgroups frozen outside their
 * windows, each scheduling its own processes, the board's kernel keeping the plans and hearing their modes and
 * health-monitor events.
 */
class OwnKernelBoardTest {
    private static RunSummary run(SystemConfig config, BoardWatch watch, List<String> until) throws Exception {
        byte[] apps = HostedSystems.apps();
        org.orrery.os.bsp.hosted.apps.HmApps.makeSharedFolder();
        java.util.Map<String, byte[]> jars = new java.util.HashMap<>();
        config.partitions().forEach(p -> jars.put(p.name(), apps));
        // at least 1 s, then until every partition printed what is asked (30 s at most: cold JVMs on a loaded host)
        int[] asked = {0};
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config,
                HostedSystems.osModules(), jars, 30_000 * MS, watch::line,
                () -> ++asked[0] > 100 && until.stream().allMatch(watch::printed), null, 0));
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

    /**
     * A request with an application for no partition of its configuration starts nothing for it, as the simulated
     * board does: the board once failed with a stack trace from its engine thread.
     */
    @Test
    void anApplicationForNoPartitionOfTheConfigurationStartsNothing() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS,
                List.of(HostedSystems.partition("a", 0, 0, "Ticker", 20 * MS)));
        byte[] apps = HostedSystems.apps();
        BoardWatch watch = new BoardWatch();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("a", apps, "ghost", apps), 30_000 * MS, watch::line, () -> watch.printed("a: tick 5"), null, 0));

        assertTrue(watch.printed("a: tick 5"), watch.lines().toString());
        assertEquals(Map.of("a", PartitionMode.NORMAL), s.modes(), s.format());
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

    /**
     * No partition runs after board time: each kernel runs on its own clock, and the board thawed every partition
     * before it killed their JVMs, so at the end of every run their kernels ran on with no window to come (and
     * flight-control printed a DEADLINE_MISSED after its summary's end each time). Every window closes at 20 ms of a
     * 40 ms frame and the run ends 15 ms after the last one closed: no partition may have run after the end.
     */
    @Test
    void noPartitionRunsAfterBoardTimeEnds() throws Exception {
        List<String> names = List.of("first", "middle", "last");
        List<org.orrery.os.config.PartitionConfig> partitions = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            partitions.add(new org.orrery.os.config.PartitionConfig(names.get(i), i, List.of(i == 1 ? 1 : 0), 8L << 20,
                    org.orrery.os.config.Criticality.C, org.orrery.os.config.SchedulingPolicy.FIXED_PRIORITY, 0,
                    org.orrery.os.bsp.hosted.apps.HmApps.Stamper.class.getName(), "", 0,
                    List.of(new org.orrery.os.config.ProcessConfig("main", org.orrery.os.config.ProcessKind.APERIODIC,
                            0, 0, 10, 0, 65536)), List.of()));
        }
        SystemConfig config = HostedSystems.system(40 * MS, partitions, List.of(), List.of(
                new WindowConfig(0, 0, 5 * MS, "last"), new WindowConfig(0, 5 * MS, 15 * MS, "first"),
                new WindowConfig(1, 0, 20 * MS, "middle")));
        java.nio.file.Path shared = org.orrery.os.bsp.hosted.apps.HmApps.makeSharedFolder();
        byte[] apps = HostedSystems.apps();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("first", apps, "middle", apps, "last", apps), 435 * MS, line -> { }, () -> false, null, 0));

        for (String p : names) {
            long last = Long.parseLong(java.nio.file.Files.readString(shared.resolve("stamp-" + p)));
            assertTrue(last > 0 && last <= s.endTimeNs(), p + " last ran at " + last
                    + " ns of board time, which ended at " + s.endTimeNs() + " ns\n" + s.format());
        }
    }

    /**
     * A partition's kernel is told where board time begins before it does, so its first window is its own: "first" has
     * the first 20 ms of a 200 ms frame on core 0 and its initialisation runs in them. Told after board time began (by
     * its link reader, behind the board's busy threads) and reading it in its first window with cold code to run, it
     * slept through that window in every run.
     */
    @Test
    void aPartitionsKernelKnowsWhereBoardTimeBeginsAndRunsInItsFirstWindow() throws Exception {
        SystemConfig config = HostedSystems.system(200 * MS,
                List.of(HostedSystems.partition("first", 0, 0, "Ticker", 200 * MS),
                        HostedSystems.partition("later", 1, 1, "Ticker", 200 * MS)),
                List.of(), List.of(new WindowConfig(0, 0, 20 * MS, "first"), new WindowConfig(1, 20 * MS, 180 * MS,
                        "later")));
        long[] firstState = {-1};
        byte[] apps = HostedSystems.apps();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config,
                HostedSystems.osModules(), Map.of("first", apps, "later", apps), 400 * MS, line -> { }, () -> false,
                (core, t, type, f0, f1, f2) -> {
                    if (f0 == 0 && type == TraceEventType.PROCESS_STATE.id() && firstState[0] < 0) {
                        firstState[0] = t;
                    }
                }, 0));

        assertTrue(firstState[0] >= 0 && firstState[0] < 20 * MS, "first's first process state at " + firstState[0]
                + " ns, not in its first window [0, 20 ms)\n" + s.format());
    }

    /**
     * A partition JVM is in its partition's cgroup from its first moments, not only from its hello: the JVM that the
     * cold start of a lost partition starts while its neighbours run spends its start-up (a JVM, the kernel's warm-up)
     * on its own processors, within its memory and in its own windows. Each JVM of "quit" is looked at 30 ms after the
     * test first sees it, long before it can have said hello.
     */
    @Test
    void aPartitionsJvmIsInItsCgroupFromItsStartNotFromItsHello() throws Exception {
        SystemConfig config = HostedSystems.system(20 * MS, List.of(HostedSystems.partition("quit", 0, 0,
                org.orrery.os.bsp.hosted.apps.HmApps.Halter.class.getName(), 20 * MS, List.of()),
                HostedSystems.partition("near", 1, 0, "Ticker", 20 * MS)));
        org.orrery.os.bsp.hosted.apps.HmApps.makeSharedFolder(); // quit halts once per board
        Map<Long, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        // JVMs of an earlier board that are still on their way out are not this one's
        java.util.Set<Long> earlier = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            while (watching.get()) {
                ProcessHandle.current().descendants()
                        .filter(h -> !seen.containsKey(h.pid()) && !earlier.contains(h.pid())
                                && h.info().arguments().map(a -> List.of(a).contains("quit")).orElse(false))
                        .forEach(h -> seen.put(h.pid(), cgroupsSoonAfter(h)));
                java.util.concurrent.locks.LockSupport.parkNanos(MS);
            }
        });
        byte[] apps = HostedSystems.apps();
        BoardWatch watch = new BoardWatch();
        RunSummary s;
        try {
            // until the cold-started JVM was looked at (30 s at most: cold JVMs on a loaded host)
            s = new HostedBoardSupport().boot(new BootRequest(config,
                    HostedSystems.osModules(), Map.of("quit", apps, "near", apps), 30_000 * MS, watch::line,
                    () -> seen.size() >= 2 && watch.printed("near: tick 30"), null, 0));
        } finally {
            watching.set(false);
            watcher.join();
        }

        assertTrue(watch.lines().stream().anyMatch(l -> l.contains("quit lost its partition process -> COLD_START")),
                watch.lines().toString());
        assertEquals(2, seen.size(), "quit's JVMs: its first and the one its cold start started " + seen);
        seen.forEach((pid, groups) -> assertTrue(groups.lines().anyMatch(l -> l.endsWith("/p0")),
                "quit's JVM " + pid + " 30 ms after it was seen is not in quit's group p0:\n" + groups));
        assertEquals(PartitionMode.NORMAL, s.modes().get("near"), s.format());
    }

    /**
     * On a root board each partition JVM runs as a user of its own without capabilities, in namespaces of its own: a
     * partition that tries to thaw its cgroup, leave it, end the board's process, read its neighbour's jar, connect to a
     * socket listening on the board's loopback, create files in the host's shared folders or fill its temporary folder
     * is refused each time, and its neighbour keeps ticking. (As root, the first two were possible: its windows would
     * have been its own to decide.)
     */
    @Test
    void aPartitionOfARootBoardCannotThawItselfEndTheBoardOrReadItsNeighbour() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"),
                "unix:uid").equals(0), "partitions get users of their own only on a board run as root");
        org.orrery.os.config.PortConfig out = new org.orrery.os.config.PortConfig("out",
                org.orrery.os.config.PortKind.SAMPLING, org.orrery.os.config.PortDirection.SOURCE, 8, 0, 0);
        org.orrery.os.config.PortConfig in = new org.orrery.os.config.PortConfig("in",
                org.orrery.os.config.PortKind.SAMPLING, org.orrery.os.config.PortDirection.DESTINATION, 8, 100 * MS, 0);
        SystemConfig config = HostedSystems.system(20 * MS, List.of(
                HostedSystems.partition("intruder", 0, 0, org.orrery.os.bsp.hosted.apps.HostedApps.Intruder.class
                        .getName(), 20 * MS, List.of(in)),
                HostedSystems.partition("near", 1, 1, org.orrery.os.bsp.hosted.apps.HostedApps.Ticker.class.getName(),
                        20 * MS, List.of(out))),
                List.of(new org.orrery.os.config.ChannelConfig("feed", org.orrery.os.config.PortKind.SAMPLING,
                        new org.orrery.os.config.PortEndpoint("near", "out"),
                        List.of(new org.orrery.os.config.PortEndpoint("intruder", "in")),
                        org.orrery.os.config.OverflowPolicy.DROP_OLDEST)));
        BoardWatch watch = new BoardWatch();
        List<String> tries = List.of("thaw its cgroup", "leave its cgroup", "end the board", "write the channel it reads",
                "read a neighbour's jar", "reach the board's network", "write a file in /tmp", "write a file in /var/tmp",
                "write a file in /dev/shm", "fill its temporary folder");
        RunSummary s;
        // a socket on the board's loopback that a partition sharing the board's network would reach
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s = run(config, watch, List.of("near: tick 30", "intruder: tick 10"));
        }

        List<String> said = watch.lines().stream().filter(l -> l.contains("intruder: ")).toList();
        assertTrue(said.stream().anyMatch(l -> l.matches(".*intruder: uid done 19\\d{8}")), said.toString());
        assertTrue(said.stream().anyMatch(l -> l.endsWith("intruder: network interfaces: done [lo]")), said.toString());
        for (String t : tries) {
            assertTrue(said.stream().anyMatch(l -> l.contains("intruder: " + t + ": refused")), t + ": " + said);
        }
        assertEquals(Map.of("intruder", PartitionMode.NORMAL, "near", PartitionMode.NORMAL), s.modes(), s.format());
        assertTrue(s.boardReport().stream().anyMatch(l -> l.startsWith("partitions run as users 1900000000..1900000001 "
                + "of their own")), s.boardReport().toString());
        assertTrue(s.boardReport().stream().anyMatch(l -> l.startsWith("partition namespaces: network (loopback only), "
                + "IPC and mounts of its own")), s.boardReport().toString());
    }

    /** {@code /proc/PID/cgroup} of {@code h} 30 ms after now ("gone" when it ended before). */
    private static String cgroupsSoonAfter(ProcessHandle h) {
        java.util.concurrent.locks.LockSupport.parkNanos(30 * MS);
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(h.pid()), "cgroup"));
        } catch (java.io.IOException e) {
            return "gone";
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.orrery.os.bsp.hosted.linux.BoardGroup;
import org.orrery.os.bsp.hosted.linux.Cgroups;
import org.orrery.os.bsp.hosted.linux.Linux;
import org.orrery.os.bsp.hosted.linux.PartitionGroup;
import org.orrery.os.bsp.hosted.linux.PartitionUsers;
import org.orrery.os.bsp.hosted.ports.BoardPorts;
import org.orrery.os.bsp.hosted.resident.ResidentMain;
import org.orrery.os.bsp.hosted.watchdog.WatchdogKicker;
import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.Limits;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.BoardParts;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.RunSummary;

/**
 * How the hosted board runs its partitions (os-sources/README.md, "A kernel in each partition process"): the board
 * process runs the module's kernel on its SCHED_FIFO thread (plans, window edges by freezing and thawing, the board's
 * watchdog, module-level health monitor, operator) and each partition with an application is a JVM of
 * {@link ResidentMain} whose own kernel schedules its processes, so a process's calls never leave its process; its
 * ports are served from shared memory in its own process. What each partition's kernel traces reaches the run's trace
 * through {@link MergedTrace}; its JVM starts from an AOT cache of the OS modules ({@link ResidentRuntime}).
 */
final class OwnKernelBoard {
    /** As long as a cold partition JVM may take to say hello on a loaded host. */
    private static final long HELLO_TIMEOUT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    /**
     * From telling the partitions' kernels where board time begins to its beginning: each partition JVM, thawed, reads
     * its START and runs cold code to start its kernel (about 7 ms alone, more beside its neighbours and the board's
     * collection before board time: 28 to 87 ms before the beginning in the tests); one that is not done by then does
     * the rest in its first window, as all did before.
     */
    private static final long START_LEAD_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100);

    private OwnKernelBoard() {
    }

    static RunSummary boot(BootRequest request, Cgroups cgroups, WatchdogKicker kicker, long overrun, String boardName,
            StartPhases phases, long bootNanos) throws ConfigException, BoardException {
        SystemConfig config = request.config();
        // the partitions with an application, each a JVM of its own (a jar for no partition of the configuration starts
        // nothing, as on the simulated board)
        Set<String> elsewhere = new LinkedHashSet<>();
        for (PartitionConfig p : config.partitions()) {
            if (request.applicationJars().containsKey(p.name())) {
                elsewhere.add(p.name());
            }
        }
        PartitionUsers users = PartitionUsers.forBoard(config.partitions().size(), config.channels().size());
        Path dir = folder();
        try (BoardGroup groups = cgroups.createBoard(boardName);
                BoardPorts ports = HostedBoardSupport.ports(config, boardName, users);
                PartitionDebug debug = PartitionDebug.fromProperty(config.partitions().size())) {
            // a partition reaches its own files here by name, lists nothing and writes only where it is handed a file
            users.share(dir, "rwx--x--x");
            users.share(Files.write(dir.resolve("config.orcf"), ConfigWriter.write(config)), "rw-r--r--");
            for (String name : elsewhere) {
                int index = config.partitionIndex(name);
                users.hand(Files.write(dir.resolve("app-" + index + ".jar"), request.applicationJars().get(name)),
                        index, "r--------");
                users.hand(Files.createFile(RunningProcess.file(dir, index)), index, "rw-------");
                users.hand(Files.createDirectory(temporaryFolder(dir, index)), index, "rwx------");
                users.share(Files.createFile(OwnKernels.log(dir, index)), "rw-------");
            }
            PartitionSandbox sandbox = users.separate() ? PartitionSandbox.around(users.launcher(),
                    List.of(dir, ports.folder()), index -> temporaryFolder(dir, index), users, dir.resolve("probe"))
                    : null;
            PartitionGroup[] byIndex = HostedBoardSupport.partitionGroups(config, request, groups);
            RealTimeClock clock = new RealTimeClock(HostedBoardSupport::sleepUntil);
            Lateness lateness = new Lateness(config.board().cores());
            WindowGate gate = new WindowGate(byIndex, clock, lateness, bootNanos, kicker);
            ConcurrentExecutor executor = new ConcurrentExecutor(clock, clock::sleepUntil, overrun,
                    () -> Linux.setFifo(Linux.tid(), Priorities.KERNEL_CALLS));
            executor.idleSleep(new EngineSleep(clock));
            ResidentRuntime runtime = ResidentRuntime.open((extra, cp, main) -> jvm(extra, dir, cp, main),
                    users.separate());
            phases.mark("partition runtime ready"); // its AOT cache made here by the first board of a runtime
            boolean locked = Boolean.getBoolean(Limits.HOSTED_LOCK_MEMORY_PROPERTY);
            if (locked) {
                // a board process of its own (the agent's): no window edge waits for a page of it to come back
                Linux.lockAllMemory();
                phases.mark("memory locked");
            }
            MergedTrace merged = request.trace() == null ? null
                    : new MergedTrace(request.trace(), config.board().cores(), config.partitions().size());
            // with a trace, the stop request is asked on the board's trace writer after each slice: the partitions'
            // events that slice lets through are written there first, so whoever answers sees them too
            BootRequest run = merged == null ? request : new BootRequest(config, request.osModules(),
                    request.applicationJars(), request.durationNs(), request.console(), () -> {
                        merged.slice();
                        return request.stop().getAsBoolean();
                    }, merged, request.guardNanos(), request.operator());
            try (OwnKernels own = new OwnKernels(config, dir,
                    p -> command(p, dir, runtime, overrun, ports.partitionOptions(p.name())), byIndex, gate,
                    executor.lock(), clock, request.console(), new OomWatch(byIndex, HostedBoardSupport.JVM_ALLOWANCE),
                    merged, users, launcher(users, sandbox, debug))) {
                if (debug != null) {
                    debug.onSessions(own::debugger);
                }
                BoardParts board = new BoardParts(clock, executor, request.console(), config.board().cores(), 1 << 16,
                        gate, ports);
                Priorities priorities = new Priorities();
                try {
                    priorities.raiseJvmThreads();
                    RunSummary summary = run(run, config, board, own, elsewhere, clock, gate, ports, phases, byIndex);
                    if (merged != null) {
                        merged.end(summary.endTimeNs());
                    }
                    return summary.withBoardReport(HostedBoardSupport.report(gate, phases,
                            runtime.note() + " (partition processes with kernels of their own)", users,
                            PartitionSandbox.describe(sandbox), lateness, cgroups, locked));
                } finally {
                    if (kicker != null) {
                        kicker.close();
                    }
                    priorities.restore();
                    executor.shutdown();
                }
            }
        } catch (IOException e) {
            throw new BoardUnavailableException("cannot start the partition processes: " + e.getMessage(), e);
        } catch (org.orrery.os.bsp.hosted.shm.ShmException e) {
            // only closing the board's shared-memory folder throws it here
            throw new BoardException(e.getMessage(), e);
        } finally {
            PartitionProcesses.deleteQuietly(dir);
        }
    }

    private static RunSummary run(BootRequest request, SystemConfig config, BoardParts board, OwnKernels own,
            Set<String> elsewhere, RealTimeClock clock, WindowGate gate, BoardPorts ports, StartPhases phases,
            PartitionGroup[] groups) throws ConfigException, BoardException {
        return HostedBoardSupport.onEngineThread(() -> {
            Linux.setFifo(Priorities.ENGINE);
            phases.mark("engine real-time");
            Kernel kernel = Kernel.bootModule(config, board, new JarApplicationLoader(request.applicationJars()),
                    request.operator(), elsewhere, own);
            // the ports of partitions with kernels of their own are watched in their processes
            ports.start(kernel, HostedBoardSupport::kernelCallPriority,
                    p -> !elsewhere.contains(config.partitions().get(p).name()));
            phases.mark("kernel booted"); // which asked for the partition processes
            own.awaitHellos(HELLO_TIMEOUT_NANOS);
            phases.mark("partition kernels booted");
            HostedBoardSupport.warmUp(gate);
            phases.mark("edges warmed up");
            // Each partition's kernel learns where board time begins before it does: thawed meanwhile, it reads its
            // START and sets out towards its first window, and is frozen again a moment before. Told once board time
            // ran, it read it in its first window, thawed with cold code to run, and lost most of that window.
            HostedBoardSupport.collectBeforeTime(phases);
            HostedBoardSupport.thawAll(groups);
            clock.announce(System.nanoTime() + START_LEAD_NANOS, () -> HostedBoardSupport.freezeAll(groups));
            own.kernel(kernel);
            try {
                HostedBoardSupport.drive(kernel, request, board, gate, ports, clock, phases);
            } finally {
                // Board time is over, and so is every partition's: each kernel runs on its own clock until its JVM is
                // killed, and one still thawed would see its processes' deadlines pass with no window to come.
                HostedBoardSupport.freezeAll(groups);
            }
            return kernel.summary();
        });
    }

    /** How the board starts a partition JVM: as its user, in its namespaces, with a debugger's agent. */
    private static PartitionProcesses.Launcher launcher(PartitionUsers users, PartitionSandbox sandbox,
            PartitionDebug debug) {
        PartitionProcesses.Launcher launcher = sandbox != null ? sandbox : users.launcher();
        return debug == null ? launcher : debug.startingWith(launcher, sandbox != null);
    }

    /** A partition JVM: its heap from its budget, its processors from its cores, C1 only. */
    private static List<String> command(PartitionConfig p, Path dir, ResidentRuntime runtime, long guard,
            List<String> ports) {
        List<String> extra = new ArrayList<>(List.of("-Xmx" + Math.max(4L << 20, p.memoryBudget()),
                "-XX:ActiveProcessorCount=" + Math.max(1, p.cores().size()), runtime.shareOption(),
                "-Djava.io.tmpdir=" + temporaryFolder(dir, p.index())));
        extra.addAll(ports);
        return jvm(extra, dir, runtime.classPath(), List.of(LinkSockets.socket(dir, p.index()).toString(), p.name(),
                dir.resolve("app-" + p.index() + ".jar").toString(), dir.resolve("config.orcf").toString(),
                Long.toString(guard)));
    }

    /** Partition {@code index}'s own temporary folder in the board's folder {@code dir} (the last -D wins). */
    private static Path temporaryFolder(Path dir, int index) {
        return dir.resolve("tmp-" + index);
    }

    /**
     * The options every partition JVM of this board has, the training JVM of its AOT cache included (the JVM maps a
     * cache only under the options it was made with), then {@code extra}, the class path and {@link ResidentMain}.
     */
    static List<String> jvm(List<String> extra, Path dir, String classPath, List<String> main) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms4m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + dir));
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", classPath, ResidentMain.class.getName()));
        cmd.addAll(main);
        return cmd;
    }

    private static Path folder() throws BoardException {
        try {
            return PartitionProcesses.boardFolder();
        } catch (IOException e) {
            throw new BoardUnavailableException("cannot make the board's folder: " + e.getMessage(), e);
        }
    }
}

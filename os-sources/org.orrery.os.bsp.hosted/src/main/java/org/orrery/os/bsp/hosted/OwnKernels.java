// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.bsp.hosted.linux.Linux;
import org.orrery.os.bsp.hosted.linux.PartitionGroup;
import org.orrery.os.bsp.hosted.linux.PartitionUsers;
import org.orrery.os.bsp.hosted.resident.LinkCodec;
import org.orrery.os.bsp.hosted.resident.LinkMessage;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.kernel.PartitionKernels;

/**
 * The board's side of partitions whose processes their own kernels schedule, a JVM each ({@code ResidentMain}): it
 * starts and ends those JVMs as the module's kernel asks, moves each into its partition's cgroup when it says hello
 * (frozen unless its window is open), tells it where the module's schedule is and every plan switch, and hands what it
 * reports to the module's kernel. A socket per partition in the board's own folder, which only that partition's user
 * may connect to (and the board): a partition cannot speak for another.
 */
final class OwnKernels implements PartitionKernels, AutoCloseable {
    private static final long END_WAIT_MS = 2_000;
    private static final int LOG_TAIL = 4096;

    private final SystemConfig config;
    private final Path dir;
    private final Function<PartitionConfig, List<String>> command;
    private final PartitionGroup[] groups;
    private final WindowGate gate;
    private final ReentrantLock kernelLock;
    private final RealTimeClock clock;
    private final Consumer<String> console;
    private final OomWatch memory;
    /** The run's trace, when it has one: it waits for what each partition's kernel traced. */
    private final MergedTrace trace;
    private final AtomicReferenceArray<Life> lives;
    private final PartitionUsers users;
    private final LinkSockets sockets;
    /** Starts and kills partition JVMs off the kernel's threads, one at a time, in the order asked. */
    private final PartitionProcesses.Launcher launcher;
    private final ExecutorService launches = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("orrery-partition-launcher").unstarted(r));
    private volatile Kernel kernel;
    private volatile boolean closing;

    /** One JVM of a partition: started, connected (or not yet), ended by the board or by itself. */
    private static final class Life {
        Process process;
        DataOutputStream out;
        /** It said hello and is in its cgroup. */
        volatile boolean confined;
        volatile boolean ended;
        /** It was told where board time is ({@link LinkMessage.Start}), which comes before anything else sent. */
        private boolean started;
        /** Before its START: a debugger is attached to it. */
        private boolean debugged;
        /**
         * Before its START: per core, the latest frame begun, sent right after it (one its START holds already changes
         * nothing there).
         */
        private final LinkMessage.FrameBegun[] framesBefore;

        Life(int cores) {
            framesBefore = new LinkMessage.FrameBegun[cores];
        }

        synchronized void send(LinkMessage m) {
            if (!started) {
                if (m instanceof LinkMessage.FrameBegun f) {
                    framesBefore[f.core()] = f;
                } else if (m instanceof LinkMessage.Debugger d) {
                    debugged = d.attached();
                }
                return;
            }
            if (out == null || ended) {
                return;
            }
            try {
                LinkCodec.write(out, m);
                out.flush();
            } catch (IOException e) {
                // its process is gone: its exit is reported by the process watch
            }
        }

        synchronized boolean startable() {
            return !started && out != null;
        }

        /** Sends {@code start} (after {@code first}) and what came for it before, once; false if it was sent. */
        synchronized boolean start(LinkMessage.Start start, Runnable first) {
            if (started || out == null) {
                return false;
            }
            first.run();
            started = true;
            send(start);
            for (LinkMessage.FrameBegun f : framesBefore) {
                if (f != null) {
                    send(f);
                }
            }
            if (debugged) {
                send(new LinkMessage.Debugger(true));
            }
            return true;
        }
    }

    /**
     * @param command the JVM command of a partition (its socket is {@link LinkSockets#socket}, made here)
     * @param groups each partition's cgroup by index (null for partitions without an application)
     * @param users who each partition's JVM runs as: its socket is handed to that user
     * @param launcher starts each partition JVM (with a debugger's port in a namespace of its own, or as it is)
     */
    OwnKernels(SystemConfig config, Path dir, Function<PartitionConfig, List<String>> command, PartitionGroup[] groups,
            WindowGate gate, ReentrantLock kernelLock, RealTimeClock clock, Consumer<String> console, OomWatch memory,
            MergedTrace trace, PartitionUsers users, PartitionProcesses.Launcher launcher) throws IOException {
        this.launcher = launcher;
        this.memory = memory;
        this.trace = trace;
        this.config = config;
        this.dir = dir;
        this.command = command;
        this.groups = groups;
        this.gate = gate;
        this.kernelLock = kernelLock;
        this.clock = clock;
        this.console = console;
        this.lives = new AtomicReferenceArray<>(config.partitions().size());
        this.users = users;
        boolean[] launched = new boolean[groups.length];
        for (int i = 0; i < groups.length; i++) {
            launched[i] = groups[i] != null;
        }
        this.sockets = new LinkSockets(dir, launched, users, this::serve);
    }

    /** What partition {@code index}'s JVMs print, in the board's folder {@code dir} (for the board's eyes only). */
    static Path log(Path dir, int index) {
        return dir.resolve("p" + index + ".log");
    }

    /**
     * The module's kernel, once booted and board time known: the partitions that said hello are told where it is on
     * the calling thread (their link readers are time-sharing threads, which sent it 30 ms or more after being woken
     * in the tests), those that say it later by their link readers.
     */
    void kernel(Kernel k) {
        synchronized (this) {
            kernel = k;
        }
        for (int i = 0; i < lives.length(); i++) {
            Life l = lives.get(i);
            if (l != null && l.confined) {
                start(k, i, l);
            }
        }
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void coldStart(int partition) {
        Life next = new Life(config.board().cores());
        Life old = lives.getAndSet(partition, next);
        if (old != null) {
            old.ended = true;
            traceGone(partition);
        }
        launches.execute(() -> {
            end(partition, old);
            launch(partition, next);
        });
    }

    @Override
    public void idle(int partition) {
        Life old = lives.getAndSet(partition, null);
        if (old != null) {
            old.ended = true;
            traceGone(partition);
            launches.execute(() -> end(partition, old));
        }
    }

    /** Tells partition {@code partition}'s JVM that a debugger attached to it or left it. */
    void debugger(int partition, boolean attached) {
        Life l = lives.get(partition);
        if (l != null) {
            l.send(new LinkMessage.Debugger(attached)); // after its START when it has not had it yet
        }
    }

    @Override
    public void frameBegun(int core, int plan, long frameStartNs) {
        for (int i = 0; i < lives.length(); i++) {
            Life l = lives.get(i);
            if (l != null) {
                l.send(new LinkMessage.FrameBegun(core, plan, frameStartNs));
            }
        }
    }

    private void launch(int partition, Life life) {
        PartitionConfig p = config.partitions().get(partition);
        try {
            ProcessBuilder pb = new ProcessBuilder(command.apply(p));
            pb.directory(dir.toFile());
            pb.environment().clear(); // nothing of the host's environment reaches the partition
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log(dir, partition).toFile()));
            pb.redirectErrorStream(true);
            Process process = launcher.start(p, pb);
            synchronized (life) {
                life.process = process;
            }
            // In its group before its JVM has done anything: it starts on its own processors and within its memory,
            // and, once the module's time runs, only in its windows, so a cold start takes none of its neighbours'
            // time. Before that time no window is open and every partition starts at once.
            confine(partition, life, kernel != null);
            process.onExit().thenAccept(x -> exited(partition, life, x.exitValue()));
        } catch (IOException e) {
            lost(partition, life, ErrorCode.APPLICATION_ERROR, "cannot start the partition process: " + e.getMessage());
        }
    }

    private void end(int partition, Life life) {
        if (life == null) {
            return;
        }
        // The group first: it kills everything in it, then thaws it, so a frozen JVM dies without running again. A
        // partition JVM thawed before its kill ran on past its windows, and its kernel reported the deadlines it then
        // saw pass (at the end of every run, misses the run never had).
        try {
            if (groups[partition] != null) {
                groups[partition].kill();
            }
        } catch (org.orrery.os.kernel.BoardException e) {
            console.accept("board: " + e.getMessage());
        }
        Process process;
        synchronized (life) {
            process = life.process;
        }
        if (process != null) {
            process.destroyForcibly(); // one launched but not yet in its group
            try {
                process.waitFor(END_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A JVM that ended without being asked: what it died of, as the partition's error. */
    private void exited(int partition, Life life, int status) {
        synchronized (this) {
            notifyAll(); // a start that waits for its hello learns that it will not come
        }
        if (life.ended || closing) {
            return;
        }
        PartitionConfig p = config.partitions().get(partition);
        String killed = memory.killedForMemory(p);
        String tail = logTail(partition);
        int word = tail.lastIndexOf(PartitionKernel.LAST_WORD);
        if (word >= 0 && status == PartitionKernel.LAST_WORD_STATUS) {
            String why = tail.substring(word + PartitionKernel.LAST_WORD.length()).lines().findFirst().orElse("");
            lost(partition, life, ErrorCode.APPLICATION_ERROR, why);
        } else if (killed != null) {
            lost(partition, life, ErrorCode.MEMORY_VIOLATION, killed);
        } else if (tail.contains("OutOfMemoryError")) {
            // its heap is its budget, and the JVM ends at once when it is exhausted (-XX:+ExitOnOutOfMemoryError)
            lost(partition, life, ErrorCode.MEMORY_VIOLATION,
                    "partition process exhausted its memory budget of " + p.memoryBudget() + " bytes");
        } else {
            lost(partition, life, ErrorCode.APPLICATION_ERROR,
                    "partition process ended unexpectedly (status " + status + ")");
        }
    }

    /** The end of what the partition's JVMs printed (their own words on why they ended). */
    private String logTail(int partition) {
        Path log = log(dir, partition);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, f.length() - LOG_TAIL);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            return new String(tail, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void lost(int partition, Life life, ErrorCode error, String why) {
        Kernel k = kernel;
        if (k != null && lives.get(partition) == life && !closing) {
            life.ended = true;
            traceGone(partition);
            // the process that held a core then, as its JVM left it, if it is one of the partition's
            String process = RunningProcess.read(RunningProcess.file(dir, partition));
            k.partitionLost(partition, process, error, why);
        }
    }

    /**
     * A partition JVM that runs as a user of its own may not raise its kernel's engine thread above its processes: the
     * board does, before it is told START (the JVM's main thread, named so before its hello). False when the JVM has
     * no such thread: refused, as a JVM that broke the link's protocol.
     */
    private boolean raiseEngine(int partition, Life life) {
        if (!users.separate()) {
            return true;
        }
        long pid;
        synchronized (life) {
            if (life.process == null) {
                return false; // said hello before its launcher knew it started: not a JVM of ours
            }
            pid = life.process.pid();
        }
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                if (Files.readString(t.resolve("comm")).strip().equals(PartitionKernel.ENGINE_THREAD)) {
                    Linux.setNice(Long.parseLong(t.getFileName().toString()), Priorities.PARTITION_ENGINE_NICE);
                    return true;
                }
            }
        } catch (IOException | RuntimeException | org.orrery.os.kernel.BoardException e) {
            console.accept("board: cannot raise the engine thread of partition "
                    + config.partitions().get(partition).name() + ": " + e.getMessage());
            return false;
        }
        console.accept("board: partition " + config.partitions().get(partition).name() + "'s JVM has no "
                + PartitionKernel.ENGINE_THREAD + " thread; refused");
        return false;
    }

    /** One partition JVM's link: its hello, its confinement and start, then what it reports. */
    private void serve(int socketOf, SocketChannel channel) {
        try (channel) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            if (!(LinkCodec.read(in) instanceof LinkMessage.Hello hello)
                    || hello.protocolVersion() != LinkCodec.PROTOCOL_VERSION) {
                return;
            }
            int partition = config.partitionIndex(hello.partition());
            Life life = partition != socketOf ? null : lives.get(partition);
            if (life == null || life.ended || life.out != null) {
                return; // not this socket's partition, or not one this board started now: refused
            }
            if (!confine(partition, life, true) || !raiseEngine(partition, life)) {
                return;
            }
            synchronized (life) {
                life.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            }
            synchronized (this) {
                life.confined = true;
                notifyAll();
            }
            Kernel k = awaitKernel();
            if (k == null) {
                return;
            }
            start(k, partition, life); // unless it was told with the others
            while (!life.ended) {
                report(k, partition, life, LinkCodec.read(in));
            }
        } catch (IOException | RuntimeException e) {
            // the partition JVM is gone or broke the protocol: its exit is what the module hears
        }
    }

    private void report(Kernel k, int partition, Life life, LinkMessage m) {
        if (lives.get(partition) != life) {
            return; // an earlier life of the partition, which the module already ended
        }
        switch (m) {
            case LinkMessage.ModeChanged c -> k.reportedMode(partition, c.to());
            case LinkMessage.HmReported h -> k.reportedHm(partition, h.event(config.partitions().get(partition).name()));
            case LinkMessage.WindowUsed w -> k.reportedWindowUse(partition, w.windowNs(), w.busyNs());
            case LinkMessage.PlanRequested r -> k.planRequested(partition, r.plan());
            case LinkMessage.ColdStartRequested r -> k.coldStartRequested(partition);
            case LinkMessage.ShutdownRequested r -> k.moduleActionRequested(partition, HmAction.SHUTDOWN_MODULE);
            case LinkMessage.ResetRequested r -> k.moduleActionRequested(partition, HmAction.RESET_MODULE);
            case LinkMessage.Console c -> console.accept(c.line());
            case LinkMessage.TraceEvents t -> traced(partition, life, t);
            default -> throw new IllegalStateException("a partition sent " + m.getClass().getSimpleName());
        }
    }

    /**
     * Waits until every partition started so far said hello and is in its cgroup (its kernel booted, frozen), or until
     * {@code timeoutNanos} passed: the board's time begins after that, as it would with partitions without kernels of
     * their own. Names the partitions that did not come.
     */
    void awaitHellos(long timeoutNanos) throws org.orrery.os.kernel.BoardException {
        long until = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            while (true) {
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < lives.length(); i++) {
                    Life l = lives.get(i);
                    if (l != null && !l.confined && !l.ended) {
                        missing.add(config.partitions().get(i).name());
                        endedBeforeHello(i, l);
                    }
                }
                long left = until - System.nanoTime();
                if (missing.isEmpty()) {
                    return;
                }
                if (left <= 0) {
                    throw new org.orrery.os.kernel.BoardException("the partition processes of "
                            + String.join(", ", missing) + " did not start within "
                            + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s (their logs: " + dir + ")");
                }
                try {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.orrery.os.kernel.BoardException("interrupted while partitions started");
                }
            }
        }
    }

    /** A partition JVM that ended before it said hello: the board cannot start, and says what the JVM said last. */
    private void endedBeforeHello(int partition, Life life) throws org.orrery.os.kernel.BoardException {
        Process process;
        synchronized (life) {
            process = life.process;
        }
        if (process != null && !process.isAlive()) {
            // its last words, not the frames of a stack trace under them
            List<String> said = logTail(partition).lines().filter(l -> !l.isBlank())
                    .filter(l -> !l.matches("\\s+at .*|\\s*\\.\\.\\. \\d+ more")).toList();
            throw new org.orrery.os.kernel.BoardException("the partition process of "
                    + config.partitions().get(partition).name() + " ended before it started (status "
                    + process.exitValue() + ")" + (said.isEmpty() ? "" : ": " + said.get(said.size() - 1).strip()));
        }
    }

    private void traceGone(int partition) {
        if (trace != null) {
            trace.gone(partition);
        }
    }

    /** A partition kernel's events for the trace: each must name that partition, whose kernel alone traced it. */
    private void traced(int partition, Life life, LinkMessage.TraceEvents t) {
        if (trace == null) {
            return;
        }
        long[][] events = new long[t.events().size()][];
        for (int i = 0; i < events.length; i++) {
            LinkMessage.TraceEvents.Event e = t.events().get(i);
            if (e.f0() != partition || e.core() >= config.board().cores()) {
                lost(partition, life, ErrorCode.APPLICATION_ERROR, "the partition process traced an event of "
                        + (e.f0() != partition ? "partition " + e.f0() : "core " + e.core())
                        + " (protocol violation)");
                end(partition, life);
                return;
            }
            events[i] = new long[] {e.timeNs(), e.core(), e.type().id(), e.f0(), e.f1(), e.f2()};
        }
        trace.offer(partition, t.completeNs(), events);
    }

    /**
     * Tells {@code life}'s kernel where board time and the module's frames are, once. Takes the kernel's lock only to
     * read the frames, as any report does (a link reader is a time-sharing thread, and the engine waits for that lock
     * at its edges); a frame begun meanwhile follows the START.
     */
    private void start(Kernel k, int partition, Life life) {
        if (!life.startable()) {
            return;
        }
        List<LinkMessage.Start.CoreFrame> cores = new ArrayList<>();
        long[][] frames = k.frames();
        for (int c = 0; c < frames.length; c++) {
            cores.add(new LinkMessage.Start.CoreFrame(c, (int) frames[c][0], frames[c][1]));
        }
        life.start(new LinkMessage.Start(clock.knownBase(), cores), () -> {
            if (trace != null) {
                trace.live(partition, clock.now()); // whatever its kernel traces comes after this instant
            }
        });
    }

    /**
     * The module's kernel once booted and board time is known, begun or announced (a partition's kernel keeps the
     * board's time).
     */
    private Kernel awaitKernel() {
        synchronized (this) {
            while ((kernel == null || clock.knownBase() < 0) && !closing) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return kernel;
        }
    }

    /**
     * Into its cgroup (again at hello, before it loads anything of the partition); frozen there unless its window is
     * open now or not {@code frozenOutsideWindows} (the board's time has not begun).
     */
    private boolean confine(int partition, Life life, boolean frozenOutsideWindows) {
        Process process;
        synchronized (life) {
            process = life.process;
        }
        if (process == null || groups[partition] == null) {
            return false;
        }
        kernelLock.lock();
        try {
            groups[partition].add(process.pid());
            if (frozenOutsideWindows && !gate.isOpen(partition)) {
                groups[partition].freeze();
            }
            return true;
        } catch (org.orrery.os.kernel.BoardException e) {
            console.accept("board: cannot confine partition " + config.partitions().get(partition).name() + ": "
                    + e.getMessage());
            return false;
        } finally {
            kernelLock.unlock();
        }
    }

    /** Ends the run: every partition JVM goes (frozen ones could not answer an end message). */
    @Override
    public void close() {
        closing = true;
        launches.shutdown();
        try {
            launches.awaitTermination(END_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < lives.length(); i++) {
            Life l = lives.get(i);
            if (l != null) {
                l.ended = true;
                end(i, l);
            }
        }
        sockets.close();
    }
}

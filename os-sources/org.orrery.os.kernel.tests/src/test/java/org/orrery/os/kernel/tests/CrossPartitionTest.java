// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.periodic;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.Event;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.api.Semaphore;
import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.partition.PartitionClassLoader;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.kernel.ProcessExit;
import org.orrery.os.trace.TraceEventType;

/**
 * A partition reaching beyond itself: calling another partition's services and objects (the call gate
 * refuses them as MEMORY_VIOLATION, reported against the caller), calling from a thread that is not a
 * process, and naming kernel classes its class loader does not show.
 */
class CrossPartitionTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);

    /** What partition "b" hands out (the test plays a leak through shared static state). */
    private static final class Leak {
        Partition partition;
        PartitionProcess process;
        Buffer buffer;
        Semaphore semaphore;
        Event event;
        Blackboard blackboard;
        SamplingPort port;
        QueuingPort queue;
    }

    /** "b" [0,5) then "a" [5,10) on one core; b has a periodic process, objects and a sampling source. */
    private static SystemConfig twoPartitions(List<HmTable> hm) {
        return Rig.system(List.of(Rig.partition("b", 0, List.of(periodic("main", 10 * MS, 0, 5)),
                        new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 4, 0, 0),
                        new PortConfig("qout", PortKind.QUEUING, PortDirection.SOURCE, 4, 0, 1)),
                        Rig.partition("a", 1, List.of(aperiodic("main", 5)))), List.of(),
                List.of(Rig.plan("main", 10 * MS, Rig.window(0, 0, 5 * MS, "b"), Rig.window(0, 5 * MS, 5 * MS, "a"))),
                hm, List.of());
    }

    /** b's application: hands out its services and objects, then reports them every period. */
    private static PartitionApplication b(Leak leak, List<String> seen) {
        return p -> {
            leak.partition = p;
            leak.buffer = p.createBuffer("buf", 4, 2, QueuingDiscipline.FIFO);
            leak.semaphore = p.createSemaphore("sem", 1, 1, QueuingDiscipline.FIFO);
            leak.event = p.createEvent("ev");
            leak.blackboard = p.createBlackboard("bb", 4);
            leak.port = p.createSamplingPort(new SamplingPortRef("out", 0));
            leak.queue = p.createQueuingPort(new QueuingPortRef("qout", 1));
            leak.process = p.createProcess(MAIN, () -> {
                while (true) {
                    seen.add("b " + p.mode() + " pending " + leak.buffer.pending() + " sem " + leak.semaphore.value()
                            + " event " + leak.event.isSet() + " priority " + p.currentProcess().priority() + at(p));
                    p.periodicWait();
                }
            });
            leak.process.start();
        };
    }

    /** Every service of b's partition and objects, as called by a's process. */
    private static Map<String, Runnable> foreignCalls(Leak b) {
        Map<String, Runnable> calls = new LinkedHashMap<>();
        Message m = new Message(4);
        calls.put("mode", b.partition::mode);
        calls.put("now", b.partition::now);
        calls.put("currentProcess", b.partition::currentProcess);
        calls.put("process", () -> b.partition.process(MAIN));
        calls.put("errorStatus", b.partition::errorStatus);
        calls.put("kickWatchdog", b.partition::kickWatchdog);
        calls.put("log", () -> b.partition.log("framed"));
        calls.put("traceEvent", () -> b.partition.traceEvent(1, 2));
        calls.put("raiseError", () -> b.partition.raiseError(ErrorCode.APPLICATION_ERROR, "framed"));
        calls.put("requestPlanSwitch", () -> b.partition.requestPlanSwitch(new PlanRef("main", 0)));
        calls.put("setMode", () -> b.partition.setMode(PartitionMode.IDLE));
        calls.put("timedWait", () -> b.partition.timedWait(MS));
        calls.put("periodicWait", b.partition::periodicWait);
        calls.put("compute", () -> b.partition.compute(MS));
        calls.put("replenish", () -> b.partition.replenish(MS));
        calls.put("createProcess", () -> b.partition.createProcess(MAIN, () -> { }));
        calls.put("createErrorHandler", () -> b.partition.createErrorHandler(() -> { }));
        calls.put("createSamplingPort", () -> b.partition.createSamplingPort(new SamplingPortRef("out", 0)));
        calls.put("createQueuingPort", () -> b.partition.createQueuingPort(new QueuingPortRef("qout", 1)));
        calls.put("createBuffer", () -> b.partition.createBuffer("late", 4, 1, QueuingDiscipline.FIFO));
        calls.put("createBlackboard", () -> b.partition.createBlackboard("late", 4));
        calls.put("createSemaphore", () -> b.partition.createSemaphore("late", 0, 1, QueuingDiscipline.FIFO));
        calls.put("createEvent", () -> b.partition.createEvent("late"));
        calls.put("process.state", b.process::state);
        calls.put("process.priority", b.process::priority);
        calls.put("process.deadline", b.process::deadline);
        calls.put("process.start", b.process::start);
        calls.put("process.stop", b.process::stop);
        calls.put("process.suspend", b.process::suspend);
        calls.put("process.resume", b.process::resume);
        calls.put("process.setPriority", () -> b.process.setPriority(9));
        calls.put("buffer.send", () -> b.buffer.send(new byte[] {1}, 1, 0));
        calls.put("buffer.receive", () -> b.buffer.receive(m, 0));
        calls.put("buffer.pending", b.buffer::pending);
        calls.put("semaphore.acquire", () -> b.semaphore.acquire(0));
        calls.put("semaphore.release", b.semaphore::release);
        calls.put("semaphore.value", b.semaphore::value);
        calls.put("event.set", b.event::set);
        calls.put("event.reset", b.event::reset);
        calls.put("event.await", () -> b.event.await(0));
        calls.put("event.isSet", b.event::isSet);
        calls.put("blackboard.display", () -> b.blackboard.display(new byte[] {1}, 1));
        calls.put("blackboard.clear", b.blackboard::clear);
        calls.put("blackboard.read", () -> b.blackboard.read(m, 0));
        calls.put("sampling.write", () -> b.port.write(new byte[] {1}, 1));
        calls.put("sampling.read", () -> b.port.read(m));
        calls.put("queuing.send", () -> b.queue.send(new byte[] {1}, 1, 0));
        calls.put("queuing.receive", () -> b.queue.receive(m, 0));
        calls.put("queuing.pending", b.queue::pending);
        calls.put("queuing.overflowed", b.queue::overflowed);
        return calls;
    }

    @Test
    void callsIntoAnotherPartitionAreMemoryViolationsOfTheCallerAndChangeNothingThere() throws Exception {
        Leak leak = new Leak();
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(twoPartitions(List.of()), 30 * MS, Map.of("b", b(leak, seen),
                "a", p -> p.createProcess(MAIN, () -> {
                    p.timedWait(MS);
                    foreignCalls(leak).forEach((name, call) -> seen.add(name + " " + attempt(call)));
                    seen.add("a continues" + at(p));
                }).start()));
        List<String> expected = new ArrayList<>(List.of("b NORMAL pending 0 sem 1 event false priority 5@0"));
        foreignCalls(leak).keySet().forEach(name -> expected.add(name + " refused"));
        expected.add("a continues@6");
        expected.add("b NORMAL pending 0 sem 1 event false priority 5@10");
        expected.add("b NORMAL pending 0 sem 1 event false priority 5@20");
        assertEquals(expected, seen);
        assertEquals(Rig.times(foreignCalls(leak).size(), "6 a/main MEMORY_VIOLATION PROCESS LOG"), Rig.hm(r));
        assertEquals(List.of(), r.console().stream().filter(l -> l.contains("framed")).toList());
        // Nor did the refused traceEvent record anything in b's name.
        assertEquals(List.of(), Rig.only(Rig.trace(r), TraceEventType.USER_EVENT));
    }

    @Test
    void aForeignCallWhoseActionStopsTheCallerLeavesTheKernelRunning() {
        Leak leak = new Leak();
        List<String> seen = new ArrayList<>();
        List<HmTable> hm = List.of(Rig.hm("a", SystemState.PROCESS_EXECUTION,
                Rig.rule(ErrorCode.MEMORY_VIOLATION, HmLevel.PARTITION, HmAction.IDLE_PARTITION)));
        // A lock left held by the unwound caller would stop the board for good: fail instead of hanging.
        SimResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Rig.run(twoPartitions(hm), 30 * MS,
                Map.of("b", b(leak, seen), "a", p -> p.createProcess(MAIN, () -> {
                    p.timedWait(MS);
                    seen.add("a calls b" + at(p));
                    leak.partition.now();
                    seen.add("never: the partition is idle");
                }).start())));
        assertEquals(List.of("b NORMAL pending 0 sem 1 event false priority 5@0", "a calls b@6",
                "b NORMAL pending 0 sem 1 event false priority 5@10", "b NORMAL pending 0 sem 1 event false priority 5@20"),
                seen);
        assertEquals(List.of("6 a/main MEMORY_VIOLATION PARTITION IDLE_PARTITION"), Rig.hm(r));
        assertEquals(PartitionMode.IDLE, r.summary().modes().get("a"));
    }

    @Test
    void threadsThatAreNotTheRunningProcessCannotUseTheServices() throws Exception {
        List<String> seen = new ArrayList<>();
        Partition[] kept = new Partition[1];
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            kept[0] = p;
            p.createProcess(MAIN, () -> {
                Thread helper = new Thread(() -> {
                    try {
                        p.log("from a helper thread");
                        seen.add("helper got through");
                    } catch (ProcessExit e) {
                        seen.add("helper unwound");
                    }
                });
                helper.start();
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add("process continues" + at(p));
            }).start();
        });
        // After the run no process holds the core: a call from the test's own thread unwinds too.
        assertThrows(ProcessExit.class, () -> kept[0].now());
        assertEquals(List.of("helper unwound", "process continues@0"), seen);
        assertEquals(List.of(), r.console());
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void namingAKernelClassFromAnIsolatedPartitionIsAMemoryViolation() throws Exception {
        String entry = "org/orrery/os/kernel/tests/isolated/ReachesForTheKernel.class";
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(entry)) {
            bytes = in.readAllBytes();
        }
        PartitionConfig a = Rig.partition("a", 0, List.of(aperiodic("main", 5)));
        a = new PartitionConfig(a.name(), a.index(), a.cores(), a.memoryBudget(), a.criticality(), a.policy(),
                a.timeSliceNs(), "org.orrery.os.kernel.tests.isolated.ReachesForTheKernel", "", 0, a.processes(),
                a.ports());
        SystemConfig c = Rig.system(List.of(a), List.of(), List.of(Rig.plan("main", Rig.FRAME,
                Rig.window(0, 0, Rig.FRAME, "a"))), List.of(Rig.hm("a", SystemState.PROCESS_EXECUTION,
                Rig.rule(ErrorCode.MEMORY_VIOLATION, HmLevel.PARTITION, HmAction.IDLE_PARTITION))), List.of());
        SimResult r = Rig.run(c, 10 * MS, new JarApplicationLoader(Map.of("a", PartitionClassLoader.jar(Map.of(entry,
                bytes)))));
        assertEquals(List.of("2 a/main MEMORY_VIOLATION PARTITION IDLE_PARTITION"), Rig.hm(r));
        assertEquals(PartitionMode.IDLE, r.summary().modes().get("a"));
        assertEquals(List.of(), r.console().stream().filter(l -> l.contains("kernel class")).toList());
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.ms;
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.Event;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.Semaphore;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceEventType;

/** What a partition restart and a plan switch do to processes, intra-partition objects and ports. */
class RestartAndPlanSwitchTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);
    private static final ProcessRef WAITER = new ProcessRef("waiter", 1);

    /** The objects of the first start, kept by the application across its warm restart. */
    private static final class FirstStart {
        Buffer buffer;
        Semaphore semaphore;
        Event event;
        Blackboard blackboard;
    }

    @Test
    void aRestartStopsEveryProcessAndRetiresTheObjectsOfTheEarlierStart() throws Exception {
        List<String> seen = new ArrayList<>();
        FirstStart first = new FirstStart();
        int[] starts = {0};
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5), aperiodic("waiter", 3)), p -> {
            starts[0]++;
            seen.add("start " + starts[0] + " in " + p.mode() + ", waiter created: " + attempt(() -> p.process(WAITER)));
            Buffer buffer = p.createBuffer("buf", 4, 1, QueuingDiscipline.FIFO);
            Semaphore semaphore = p.createSemaphore("sem", 1, 1, QueuingDiscipline.FIFO);
            if (starts[0] == 1) {
                first.buffer = buffer;
                first.semaphore = semaphore;
                first.event = p.createEvent("ev");
                first.blackboard = p.createBlackboard("bb", 4);
                semaphore.acquire(0);
                p.createProcess(WAITER, () -> {
                    seen.add("waiter blocks" + at(p));
                    buffer.receive(new Message(4), Partition.INFINITE);
                    seen.add("never: the restart stopped the waiter");
                }).start();
                p.createProcess(MAIN, () -> {
                    p.timedWait(2 * MS);
                    p.setMode(PartitionMode.WARM_START);
                }).start();
                return;
            }
            p.createProcess(MAIN, () -> {
                Message m = new Message(4);
                seen.add("old buffer " + attempt(() -> first.buffer.send(new byte[] {1}, 1, 0)) + " "
                        + attempt(() -> first.buffer.receive(m, 0)) + " " + attempt(first.buffer::pending));
                seen.add("old semaphore " + attempt(() -> first.semaphore.acquire(0)) + " "
                        + attempt(first.semaphore::release) + " " + attempt(first.semaphore::value));
                seen.add("old event " + attempt(first.event::set) + " " + attempt(first.event::reset) + " "
                        + attempt(() -> first.event.await(0)) + " " + attempt(first.event::isSet));
                seen.add("old blackboard " + attempt(() -> first.blackboard.display(new byte[] {1}, 1)) + " "
                        + attempt(first.blackboard::clear) + " " + attempt(() -> first.blackboard.read(m, 0)));
                // The new objects start from their initial state; nobody waits on the new buffer.
                seen.add("new semaphore " + semaphore.value() + ", new buffer " + buffer.send(new byte[] {2}, 1, 0)
                        + " pending " + buffer.pending() + at(p));
            }).start();
        });
        assertEquals(List.of("start 1 in COLD_START, waiter created: refused", "waiter blocks@0",
                "start 2 in WARM_START, waiter created: refused", "old buffer refused refused refused",
                "old semaphore refused refused refused", "old event refused refused refused refused",
                "old blackboard refused refused refused", "new semaphore 1, new buffer true pending 1@2"), seen);
        List<String> expected = new ArrayList<>(List.of(refusal("0", "init"), refusal("2", "init")));
        expected.addAll(Rig.times(13, refusal("2", "main")));
        assertEquals(expected, Rig.hm(r));
    }

    @Test
    void aRestartEmptiesThePortsWhichMustBeCreatedAgain() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] starts = {0};
        QueuingPort[] firstIn = new QueuingPort[1];
        SimResult r = Rig.run(PortServiceTest.loopback(), 10 * MS, Map.of("a", p -> {
            starts[0]++;
            if (starts[0] == 1) {
                QueuingPort out = p.createQueuingPort(PortServiceTest.Q_OUT);
                firstIn[0] = p.createQueuingPort(PortServiceTest.Q_IN);
                SamplingPort sOut = p.createSamplingPort(PortServiceTest.S_OUT);
                p.createSamplingPort(PortServiceTest.S_IN);
                out.send(new byte[] {1}, 1, 0);
                out.send(new byte[] {2}, 1, 0);
                sOut.write(new byte[] {3}, 1);
                seen.add("queued " + firstIn[0].pending());
                p.createProcess(MAIN, () -> {
                    p.timedWait(MS);
                    p.setMode(PartitionMode.COLD_START);
                }).start();
                return;
            }
            seen.add("receive before creating again " + attempt(() -> firstIn[0].receive(new Message(4), 0)));
            QueuingPort in = p.createQueuingPort(PortServiceTest.Q_IN);
            SamplingPort sIn = p.createSamplingPort(PortServiceTest.S_IN);
            seen.add("same handle " + (in == firstIn[0]) + ", queued " + in.pending() + ", receive "
                    + in.receive(new Message(4), 0) + ", sampling read " + sIn.read(new Message(4)) + at(p));
        }));
        assertEquals(List.of("queued 2", "receive before creating again refused",
                "same handle true, queued 0, receive false, sampling read false@1"), seen);
        assertEquals(List.of(refusal("1", "init")), Rig.hm(r));
    }

    /**
     * An application may keep its process and port handles across a restart (they are the same objects when
     * created again), but until the new start creates them, every call through them, queries included, is
     * refused and changes nothing: the process keeps its base priority, the emptied ports stay empty. (The
     * intra-partition objects of an earlier start are refused the same way, queries included.)
     */
    @Test
    void processAndPortHandlesOfAnEarlierStartAreRefusedUntilCreatedAgain() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] starts = {0};
        PartitionProcess[] oldMain = new PartitionProcess[1];
        SamplingPort[] oldSampling = new SamplingPort[2];
        QueuingPort[] oldQueuing = new QueuingPort[2];
        SimResult r = Rig.run(PortServiceTest.loopback(), 10 * MS, Map.of("a", p -> {
            starts[0]++;
            if (starts[0] == 1) {
                oldSampling[0] = p.createSamplingPort(PortServiceTest.S_OUT);
                oldSampling[1] = p.createSamplingPort(PortServiceTest.S_IN);
                oldQueuing[0] = p.createQueuingPort(PortServiceTest.Q_OUT);
                oldQueuing[1] = p.createQueuingPort(PortServiceTest.Q_IN);
                oldSampling[0].write(new byte[] {3}, 1);
                oldQueuing[0].send(new byte[] {4}, 1, 0);
                oldMain[0] = p.createProcess(MAIN, () -> {
                    p.timedWait(MS);
                    p.setMode(PartitionMode.WARM_START);
                });
                oldMain[0].start();
                return;
            }
            PartitionProcess main = oldMain[0];
            Message m = new Message(4);
            seen.add("process " + attempt(main::start) + " " + attempt(main::stop) + " " + attempt(main::suspend) + " "
                    + attempt(main::resume) + " " + attempt(() -> main.setPriority(9)) + " " + attempt(main::state) + " "
                    + attempt(main::priority) + " " + attempt(main::deadline));
            seen.add("sampling " + attempt(() -> oldSampling[0].write(new byte[] {5}, 1)) + " "
                    + attempt(() -> oldSampling[1].read(m)));
            seen.add("queuing " + attempt(() -> oldQueuing[0].send(new byte[] {6}, 1, 0)) + " "
                    + attempt(() -> oldQueuing[1].receive(m, 0)) + " " + attempt(oldQueuing[1]::overflowed) + " "
                    + attempt(oldQueuing[1]::pending));
            SamplingPort sIn = p.createSamplingPort(PortServiceTest.S_IN);
            QueuingPort qIn = p.createQueuingPort(PortServiceTest.Q_IN);
            PartitionProcess again = p.createProcess(MAIN, () -> seen.add("main runs again" + at(p)));
            seen.add("same handles " + (again == main) + " " + (sIn == oldSampling[1]) + " " + (qIn == oldQueuing[1])
                    + ", sampling read " + sIn.read(m) + ", queued " + qIn.pending() + ", priority " + again.priority()
                    + at(p));
            again.start();
        }));
        assertEquals(List.of("process refused refused refused refused refused refused refused refused",
                "sampling refused refused", "queuing refused refused refused refused",
                "same handles true true true, sampling read false, queued 0, priority 5@1", "main runs again@1"), seen);
        assertEquals(Rig.times(14, refusal("1", "init")), Rig.hm(r));
    }

    /**
     * Plan "one": a [0,5) b [5,10); plan "two": b alone. "a" may switch to "two", "b" back to "one"; b's queuing
     * source "out" feeds a's destination "in".
     */
    private static SystemConfig twoPlans() {
        return Rig.system(
                List.of(Rig.partition("a", 0, List.of(aperiodic("main", 5)),
                                new PortConfig("in", PortKind.QUEUING, PortDirection.DESTINATION, 4, 0, 2)),
                        Rig.partition("b", 1, List.of(aperiodic("main", 5)),
                                new PortConfig("out", PortKind.QUEUING, PortDirection.SOURCE, 4, 0, 2))),
                List.of(new ChannelConfig("ba", PortKind.QUEUING, new PortEndpoint("b", "out"),
                        List.of(new PortEndpoint("a", "in")), OverflowPolicy.BLOCK)),
                List.of(Rig.plan("one", 10 * MS, Rig.window(0, 0, 5 * MS, "a"), Rig.window(0, 5 * MS, 5 * MS, "b")),
                        Rig.plan("two", 10 * MS, Rig.window(0, 0, 10 * MS, "b"))),
                List.of(), List.of(new PlanSwitchRule("one", "two", "a"), new PlanSwitchRule("two", "one", "b")));
    }

    @Test
    void aPartitionLeftOutOfAPlanKeepsItsWaitsAndGetsItsMessagesWhenItIsBack() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(twoPlans(), 30 * MS, Map.of(
                "a", p -> {
                    QueuingPort in = p.createQueuingPort(new QueuingPortRef("in", 0));
                    Semaphore never = p.createSemaphore("never", 0, 1, QueuingDiscipline.FIFO);
                    p.createProcess(MAIN, () -> {
                        p.timedWait(MS);
                        seen.add("a asks for two " + p.requestPlanSwitch(new PlanRef("two", 1)) + at(p));
                        Message m = new Message(4);
                        in.receive(m, Partition.INFINITE);
                        seen.add("a got " + m.data()[0] + " sent@" + ms(m.timestampNs()) + at(p));
                        // Its 1 ms timeout ends at 21 ms, inside a's window of plan "one" again.
                        seen.add("a acquire " + never.acquire(MS) + at(p));
                    }).start();
                },
                "b", p -> {
                    QueuingPort out = p.createQueuingPort(new QueuingPortRef("out", 0));
                    p.createProcess(MAIN, () -> {
                        seen.add("b runs" + at(p));
                        p.timedWait(7 * MS);
                        seen.add("b asks for one " + p.requestPlanSwitch(new PlanRef("one", 0)) + at(p));
                        p.timedWait(3 * MS);
                        out.send(new byte[] {7}, 1, 0);
                        seen.add("b sent" + at(p));
                    }).start();
                }));
        assertEquals(List.of("a asks for two true@1", "b runs@5", "b asks for one true@12", "b sent@15",
                "a got 7 sent@15@20", "a acquire false@21"), seen);
        assertEquals(List.of("10 one>two", "20 two>one"), Rig.only(Rig.trace(r), TraceEventType.PLAN_SWITCH).stream()
                .map(e -> ms(e.t()) + " " + (e.f0() == 0 ? "one" : "two") + ">" + (e.f1() == 0 ? "one" : "two")).toList());
        assertEquals(List.of(), Rig.hm(r));
    }
}

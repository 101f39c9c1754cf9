// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;

import java.util.List;
import java.util.Map;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;

/**
 * A two-core system whose 60 ms run makes the kernel emit every trace event type, each provoked for real: windows
 * in two plans (a permitted plan switch at the end of the second frame), mode changes (boot, a watchdog cold start,
 * an overrun idling), process states, sampling and queuing traffic with a full queue dropping a message, health
 * monitor events (a raised error, a real division by zero, a window overrun of two processes that only yield to
 * each other, the watchdogs), the software watchdog
 * kicked and expiring, the board watchdog kicked at frame starts and expiring (its timeout is shorter than the
 * gaps between them), and user events with extreme values.
 */
final class EveryEventSystem {
    static final long DURATION = 60 * MS;
    /** User event values at the ends of the signed 64-bit range: the CTF field must be read back signed. */
    static final long[] USER_VALUES = {-42, Long.MIN_VALUE, Long.MAX_VALUE};

    private EveryEventSystem() {
    }

    static SystemConfig config() {
        PartitionConfig a = new PartitionConfig("a", 0, List.of(0), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "test.a", "", 0,
                List.of(aperiodic("main", 5), aperiodic("crash", 3)),
                List.of(new PortConfig("att", PortKind.SAMPLING, PortDirection.SOURCE, 8, 0, 0),
                        new PortConfig("cmd", PortKind.QUEUING, PortDirection.SOURCE, 4, 0, 1)));
        PartitionConfig b = new PartitionConfig("b", 1, List.of(1), 1 << 20, Criticality.C, SchedulingPolicy.EDF, 0,
                "test.b", "", 0, List.of(Rig.periodic("poll", 10 * MS, 10 * MS, 5)),
                List.of(new PortConfig("cmd", PortKind.QUEUING, PortDirection.DESTINATION, 4, 0, 1),
                        new PortConfig("att", PortKind.SAMPLING, PortDirection.DESTINATION, 8, 30 * MS, 0)));
        PartitionConfig w = new PartitionConfig("w", 2, List.of(0), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "test.w", "", 5 * MS, List.of(aperiodic("idle", 1)), List.of());
        PartitionConfig s = new PartitionConfig("s", 3, List.of(1), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "test.s", "", 0, List.of(aperiodic("ping", 1), aperiodic("pong", 1)), List.of());
        List<ChannelConfig> channels = List.of(
                new ChannelConfig("q", PortKind.QUEUING, new PortEndpoint("a", "cmd"),
                        List.of(new PortEndpoint("b", "cmd")), OverflowPolicy.DROP_NEWEST),
                new ChannelConfig("sm", PortKind.SAMPLING, new PortEndpoint("a", "att"),
                        List.of(new PortEndpoint("b", "att")), OverflowPolicy.DROP_OLDEST));
        var one = Rig.plan("one", 20 * MS, Rig.window(0, 0, 8 * MS, "a"), Rig.window(0, 8 * MS, 6 * MS, "w"),
                Rig.window(1, 0, 10 * MS, "b"), Rig.window(1, 10 * MS, 6 * MS, "s"));
        var two = Rig.plan("two", 20 * MS, Rig.window(0, 0, 20 * MS, "a"), Rig.window(1, 0, 20 * MS, "b"));
        // The board watchdog (15 ms) is kicked at frame starts (every 20 ms): it expires in every frame and the
        // module table only logs it, where the default would reset the module.
        BoardConfig board = new BoardConfig("sim", 2, 1L << 40, 1_000, true, List.of(), 15 * MS, 0, List.of(),
                List.of());
        return new SystemConfig("every_event", board, List.of(), List.of(a, b, w, s), channels, List.of(one, two),
                "one", List.of(new PlanSwitchRule("one", "two", "a")),
                List.of(Rig.hm("", SystemState.KERNEL, Rig.rule(ErrorCode.WATCHDOG, HmLevel.MODULE, HmAction.LOG))),
                List.of(), List.of());
    }

    static Map<String, PartitionApplication> applications() {
        return Map.of("a", EveryEventSystem::a, "b", EveryEventSystem::b, "w", p -> p.createProcess(
                new ProcessRef("idle", 0), () -> p.timedWait(Partition.INFINITE)).start(),
                "s", EveryEventSystem::s);
    }

    /**
     * Two processes of one priority that only yield to each other: time never passes, and the kernel's limit of
     * resumptions at one instant makes it an overrun, deterministically (no wall-clock guard involved).
     */
    private static void s(Partition p) {
        for (String name : List.of("ping", "pong")) {
            p.createProcess(new ProcessRef(name, name.equals("ping") ? 0 : 1), () -> {
                p.timedWait(2 * MS);
                while (true) {
                    p.timedWait(0);
                }
            }).start();
        }
    }

    private static void a(Partition p) {
        SamplingPort att = p.createSamplingPort(new SamplingPortRef("att", 0));
        QueuingPort cmd = p.createQueuingPort(new QueuingPortRef("cmd", 1));
        p.createProcess(new ProcessRef("main", 0), () -> {
            att.write(new byte[] {1, 2, 3}, 3);
            cmd.send(new byte[] {7, 7}, 2, 0);
            cmd.send(new byte[] {8, 8, 8, 8}, 4, 0); // the destination holds one message: dropped
            for (int i = 0; i < USER_VALUES.length; i++) {
                p.traceEvent(1000 + i, USER_VALUES[i]);
            }
            p.kickWatchdog();
            p.raiseError(ErrorCode.APPLICATION_ERROR, "raised on purpose");
            p.compute(MS);
            p.process(new ProcessRef("crash", 1)).start();
            p.timedWait(23 * MS);
            p.requestPlanSwitch(new PlanRef("two", 1));
            p.timedWait(Partition.INFINITE);
        }).start();
        p.createProcess(new ProcessRef("crash", 1), () -> {
            int zero = (int) (p.now() / Long.MAX_VALUE);
            p.log("never " + 1 / zero);
        });
    }

    private static void b(Partition p) {
        QueuingPort cmd = p.createQueuingPort(new QueuingPortRef("cmd", 0));
        SamplingPort att = p.createSamplingPort(new SamplingPortRef("att", 1));
        p.createProcess(new ProcessRef("poll", 0), () -> {
            Message m = new Message(8);
            while (true) {
                p.compute(2 * MS);
                att.read(m);
                cmd.receive(m, 0);
                p.periodicWait();
            }
        }).start();
    }
}

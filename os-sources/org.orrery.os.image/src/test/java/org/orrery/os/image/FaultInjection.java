// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.config.WindowConfig;

/**
 * A fault-injection system: the {@code injector} partition plays the script {@code faults.txt} packaged in
 * its application jar, asking the {@code victim} partition to raise one error at a time (or raising it
 * itself); the health-monitor tables map each error to a different action, so one run exercises all nine.
 */
final class FaultInjection {

    private static final long MS = 1_000_000L;

    /** Script lines and the action each must trigger, in order. */
    static final List<Object[]> SCRIPT = List.of(
            new Object[] {100, "victim", ErrorCode.NUMERIC_ERROR, HmAction.IGNORE},
            new Object[] {200, "victim", ErrorCode.APPLICATION_ERROR, HmAction.LOG},
            new Object[] {300, "victim", ErrorCode.DEADLINE_MISSED, HmAction.RESTART_PROCESS},
            new Object[] {400, "victim", ErrorCode.STACK_OVERFLOW, HmAction.WARM_START_PARTITION},
            new Object[] {600, "victim", ErrorCode.MEMORY_VIOLATION, HmAction.COLD_START_PARTITION},
            new Object[] {800, "victim", ErrorCode.HARDWARE_FAULT, HmAction.SWITCH_PLAN},
            new Object[] {1000, "victim", ErrorCode.WINDOW_OVERRUN, HmAction.RESET_MODULE},
            new Object[] {1300, "victim", ErrorCode.ILLEGAL_REQUEST, HmAction.IDLE_PARTITION},
            new Object[] {1500, "self", ErrorCode.POWER_FAIL, HmAction.SHUTDOWN_MODULE});

    private FaultInjection() {
    }

    static SystemConfig config() {
        BoardConfig board = new BoardConfig("sim", 1, 1 << 24, MS, true, List.of(), 0, 0, List.of());
        PartitionConfig injector = new PartitionConfig("injector", 0, List.of(0), 1 << 20, Criticality.A,
                SchedulingPolicy.FIXED_PRIORITY, 0, "fi.Injector", "apps/injector", 0,
                List.of(new ProcessConfig("script", ProcessKind.PERIODIC, 10 * MS, 0, 10, MS, 16384)),
                List.of(new PortConfig("requests", PortKind.QUEUING, PortDirection.SOURCE, 32, 0, 4)));
        PartitionConfig victim = new PartitionConfig("victim", 1, List.of(0), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "fi.Victim", "apps/victim", 0,
                List.of(new ProcessConfig("worker", ProcessKind.APERIODIC, 0, 0, 10, MS, 16384)),
                List.of(new PortConfig("requests_in", PortKind.QUEUING, PortDirection.DESTINATION, 32, 0, 4)));
        ChannelConfig channel = new ChannelConfig("faults", PortKind.QUEUING, new PortEndpoint("injector", "requests"),
                List.of(new PortEndpoint("victim", "requests_in")), OverflowPolicy.DROP_NEWEST);
        PlanConfig normal = new PlanConfig("normal", List.of(new CoreFrame(0, 20 * MS)),
                List.of(new WindowConfig(0, 0, 5 * MS, "injector"), new WindowConfig(0, 5 * MS, 10 * MS, "victim")));
        PlanConfig degraded = new PlanConfig("degraded", List.of(new CoreFrame(0, 20 * MS)),
                List.of(new WindowConfig(0, 0, 5 * MS, "injector"), new WindowConfig(0, 10 * MS, 10 * MS, "victim")));
        HmTable victimTable = new HmTable("victim", SystemState.PROCESS_EXECUTION, List.of(
                new HmRule(ErrorCode.NUMERIC_ERROR, HmLevel.PROCESS, HmAction.IGNORE, ""),
                new HmRule(ErrorCode.APPLICATION_ERROR, HmLevel.PROCESS, HmAction.LOG, ""),
                new HmRule(ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS, HmAction.RESTART_PROCESS, ""),
                new HmRule(ErrorCode.STACK_OVERFLOW, HmLevel.PARTITION, HmAction.WARM_START_PARTITION, ""),
                new HmRule(ErrorCode.MEMORY_VIOLATION, HmLevel.PARTITION, HmAction.COLD_START_PARTITION, ""),
                new HmRule(ErrorCode.HARDWARE_FAULT, HmLevel.MODULE, HmAction.SWITCH_PLAN, "degraded"),
                new HmRule(ErrorCode.WINDOW_OVERRUN, HmLevel.MODULE, HmAction.RESET_MODULE, ""),
                new HmRule(ErrorCode.ILLEGAL_REQUEST, HmLevel.PARTITION, HmAction.IDLE_PARTITION, "")));
        HmTable injectorTable = new HmTable("injector", SystemState.PROCESS_EXECUTION, List.of(
                new HmRule(ErrorCode.POWER_FAIL, HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, "")));
        return new SystemConfig("fault_injection", board, List.of(), List.of(injector, victim), List.of(channel),
                List.of(normal, degraded), "normal", List.of(), List.of(victimTable, injectorTable), List.of(), List.of());
    }

    static void writeSources(Path root) throws IOException {
        StringBuilder script = new StringBuilder("# time_ms target error\n");
        for (Object[] step : SCRIPT) {
            script.append(step[0]).append(' ').append(step[1]).append(' ').append(step[2]).append('\n');
        }
        TestSystems.write(root.resolve("apps/injector/faults.txt"), script.toString());
        TestSystems.write(root.resolve("apps/injector/fi/Injector.java"), """
                package fi;

                import java.io.*;
                import java.nio.charset.StandardCharsets;
                import java.util.*;
                import org.orrery.os.api.*;

                /** Plays faults.txt: at each step's board time, one error is raised by the victim or by us. */
                public class Injector implements PartitionApplication {
                    public void initialize(Partition p) throws IOException {
                        List<String[]> steps = new ArrayList<>();
                        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                                getClass().getResourceAsStream("/faults.txt"), StandardCharsets.US_ASCII))) {
                            for (String line; (line = r.readLine()) != null; ) {
                                if (!line.startsWith("#") && !line.isBlank()) {
                                    steps.add(line.trim().split("\\\\s+"));
                                }
                            }
                        }
                        QueuingPort out = p.createQueuingPort(new QueuingPortRef("requests", 0));
                        // After a module reset the script resumes where board time is, it does not replay.
                        int[] next = {0};
                        while (next[0] < steps.size() && Long.parseLong(steps.get(next[0])[0]) * 1_000_000L < p.now()) {
                            next[0]++;
                        }
                        p.log("injector: " + (steps.size() - next[0]) + " faults to inject");
                        p.createProcess(new ProcessRef("script", 0), () -> {
                            while (true) {
                                while (next[0] < steps.size()
                                        && Long.parseLong(steps.get(next[0])[0]) * 1_000_000L <= p.now()) {
                                    String[] s = steps.get(next[0]++);
                                    if (s[1].equals("self")) {
                                        p.log("injector: raising " + s[2] + " myself");
                                        p.raiseError(ErrorCode.valueOf(s[2]), "injected");
                                    } else {
                                        byte[] b = s[2].getBytes(StandardCharsets.US_ASCII);
                                        p.log("injector: asking victim for " + s[2] + (out.send(b, b.length, 0) ? "" : " (not delivered)"));
                                    }
                                }
                                p.periodicWait();
                            }
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
        TestSystems.write(root.resolve("apps/victim/fi/Victim.java"), """
                package fi;

                import java.nio.charset.StandardCharsets;
                import org.orrery.os.api.*;

                /** Raises whatever error it is asked for. */
                public class Victim implements PartitionApplication {
                    public void initialize(Partition p) {
                        QueuingPort in = p.createQueuingPort(new QueuingPortRef("requests_in", 0));
                        Message m = new Message(32);
                        p.log("victim init (" + p.mode() + ")");
                        p.createProcess(new ProcessRef("worker", 0), () -> {
                            p.log("worker started");
                            while (true) {
                                if (in.receive(m, Partition.INFINITE)) {
                                    String code = new String(m.data(), 0, m.length(), StandardCharsets.US_ASCII);
                                    p.raiseError(ErrorCode.valueOf(code), "injected on request");
                                }
                            }
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
    }
}

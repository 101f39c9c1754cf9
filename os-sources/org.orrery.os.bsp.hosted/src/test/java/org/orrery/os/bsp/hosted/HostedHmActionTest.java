// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.bsp.hosted.apps.HmApps;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceEventType;

/**
 * The health monitor's actions on the hosted board, where each partition is a JVM of its own: every case checks what
 * the action did to the partition processes (which JVM initialised again, which ran on, whether the run ended), not
 * only the monitor's record of it. "subject" (core 0) fails; "witness" (core 1) shows what happened to a neighbour.
 * The apps print {@code init <n> in jvm <pid>} at each initialisation, n counting in a static field (see
 * {@link HmApps}). Each run ends as soon as what it checks has happened; the durations are only backstops for a cold
 * JVM on a loaded host.
 */
class HostedHmActionTest {
    private static final long FRAME = 20 * MS;
    private static final long BACKSTOP = 20_000 * MS;
    private static final int SUBJECT = 0;
    private static final int SAFE_PLAN = 1;

    /** How long the module may take to act on a partition kernel's report (see the shutdown case). */
    private static final long REACTION_NS = 10 * MS;

    /** One initialisation a partition printed: its count in its JVM, the JVM's pid, and the console line's index. */
    private record Init(int count, long pid, int line) {
    }

    /** One trace event the board delivered. */
    private record Ev(int core, long t, int type, long f0, long f1, long f2) {
    }

    /** What a run showed: its summary, its console and its trace. */
    private record Run(RunSummary summary, List<String> console, List<Ev> trace) {
        String all() {
            return summary.format() + String.join("\n", console);
        }

        List<Init> inits(String partition) {
            String marker = partition + ": init ";
            List<Init> inits = new ArrayList<>();
            for (int i = 0; i < console.size(); i++) {
                String l = console.get(i);
                int at = l.indexOf(marker);
                if (at >= 0) {
                    String[] w = l.substring(at + marker.length()).split(" "); // "<n> in jvm <pid>"
                    inits.add(new Init(Integer.parseInt(w[0]), Long.parseLong(w[3]), i));
                }
            }
            return inits;
        }

        /** Index of the first console line containing {@code text}, -1 if none. */
        int line(String text) {
            for (int i = 0; i < console.size(); i++) {
                if (console.get(i).contains(text)) {
                    return i;
                }
            }
            return -1;
        }

        boolean printedAfter(int line, String text) {
            return console.subList(line + 1, console.size()).stream().anyMatch(l -> l.contains(text));
        }

        /** Whether a line with {@code text} is stamped later than {@code timeNs} of board time. */
        boolean stampedAfter(String text, long timeNs) {
            return console.stream().anyMatch(l -> l.contains(text) && l.startsWith("[")
                    && new java.math.BigDecimal(l.substring(1, l.indexOf(']'))).movePointRight(9).longValue() > timeNs);
        }

        /**
         * The one error of subject's the monitor handled, {@code error} with {@code action}, beside deadline misses: a
         * new partition JVM's first activations run cold code and may miss their 20 ms deadlines (logged by default).
         */
        HmEvent onlyEvent(ErrorCode error, HmAction action) {
            List<HmEvent> mine = summary.hmEvents().stream().filter(e -> e.partition().equals("subject")
                    && e.error() != ErrorCode.DEADLINE_MISSED).toList();
            assertEquals(1, mine.size(), all());
            assertEquals(error, mine.get(0).error(), all());
            assertEquals(action, mine.get(0).action(), all());
            return mine.get(0);
        }
    }

    private static PartitionConfig partition(String name, int index, int core, Class<?> app, long watchdogNs) {
        return new PartitionConfig(name, index, List.of(core), 8L << 20, Criticality.C, SchedulingPolicy.FIXED_PRIORITY,
                0, app.getName(), "", watchdogNs,
                List.of(new ProcessConfig("main", ProcessKind.PERIODIC, FRAME, FRAME, 10, 0, 65536)), List.of());
    }

    /**
     * subject on core 0, witness on core 1, each with its core's whole 20 ms frame in plan "normal"; plan "safe" (for
     * SWITCH_PLAN) halves subject's window. {@code rules} form subject's table.
     */
    private static SystemConfig system(PartitionConfig subject, List<HmRule> rules) {
        List<CoreFrame> frames = List.of(new CoreFrame(0, FRAME), new CoreFrame(1, FRAME));
        PlanConfig normal = new PlanConfig("normal", frames,
                List.of(new WindowConfig(0, 0, FRAME, "subject"), new WindowConfig(1, 0, FRAME, "witness")));
        PlanConfig safe = new PlanConfig("safe", frames,
                List.of(new WindowConfig(0, 0, FRAME / 2, "subject"), new WindowConfig(1, 0, FRAME, "witness")));
        BoardConfig board = new BoardConfig("hosted", 2, 1L << 40, 1_000, true, List.of(), 0, 0, List.of());
        return new SystemConfig("hosted_hm", board, List.of(),
                List.of(subject, partition("witness", 1, 1, HmApps.Steady.class, 0)), List.of(), List.of(normal, safe),
                "normal", List.of(), List.of(new HmTable("subject", SystemState.PROCESS_EXECUTION, rules)), List.of(),
                List.of());
    }

    private static SystemConfig raising(HmLevel level, HmAction action, String plan) {
        return system(partition("subject", 0, 0, HmApps.Raiser.class, 0),
                List.of(new HmRule(ErrorCode.APPLICATION_ERROR, level, action, plan)));
    }

    /** Runs {@code config} until {@code done} holds for what the board showed so far (asked between 10 ms slices). */
    private static Run run(SystemConfig config, long durationNs, Predicate<Run> done) throws Exception {
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        List<Ev> trace = Collections.synchronizedList(new ArrayList<>());
        byte[] apps = HostedSystems.apps();
        org.orrery.os.bsp.hosted.apps.HmApps.makeSharedFolder();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("subject", apps, "witness", apps), durationNs, console::add,
                () -> done.test(new Run(null, snapshot(console), snapshot(trace))),
                (core, t, type, f0, f1, f2) -> trace.add(new Ev(core, t, type, f0, f1, f2)), 0));
        System.out.print(s.format());
        return new Run(s, snapshot(console), snapshot(trace));
    }

    private static <T> List<T> snapshot(List<T> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Whether both partitions printed {@code text} after the first line containing {@code after}. */
    private static Predicate<Run> bothAfter(String after, String subjectText, String witnessText) {
        return r -> {
            int at = r.line(after);
            return at >= 0 && r.printedAfter(at, "subject: " + subjectText) && r.printedAfter(at, "witness: " + witnessText);
        };
    }

    /** The witness initialised once and ticked on after {@code line}: an action of subject's left its neighbour alone. */
    private static void witnessUntouched(Run r, int line) {
        assertEquals(1, r.inits("witness").size(), r.all());
        assertTrue(r.printedAfter(line, "witness: tick"), r.all());
    }

    private static void awaitGone(long pid) throws Exception {
        ProcessHandle h = ProcessHandle.of(pid).orElse(null);
        if (h != null) {
            h.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void ignoreLeavesTheFailingProcessRunningInItsJvmAndPrintsNothing() throws Exception {
        Run r = run(raising(HmLevel.PROCESS, HmAction.IGNORE, ""), BACKSTOP,
                bothAfter("subject: raising", "tick 10", "tick"));
        r.onlyEvent(ErrorCode.APPLICATION_ERROR, HmAction.IGNORE);
        // the raising call returned and the process went on, in the JVM it started in
        int raised = r.line("subject: raising");
        assertTrue(raised >= 0 && r.printedAfter(raised, "subject: went on after the error"), r.all());
        assertTrue(r.printedAfter(raised, "subject: tick 10"), r.all());
        assertEquals(1, r.inits("subject").size(), r.all());
        // not even a console line (LOG's), only the record; deadline misses of a cold JVM are logged as usual
        assertTrue(r.console().stream().noneMatch(l -> l.contains("HM:") && l.contains("APPLICATION_ERROR")), r.all());
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("subject"));
        witnessUntouched(r, raised);
    }

    @Test
    void warmStartInitialisesThePartitionAgainInTheSameJvm() throws Exception {
        Run r = run(raising(HmLevel.PARTITION, HmAction.WARM_START_PARTITION, ""), BACKSTOP,
                bothAfter("subject: raising", "tick 0", "tick"));
        r.onlyEvent(ErrorCode.APPLICATION_ERROR, HmAction.WARM_START_PARTITION);
        List<Init> inits = r.inits("subject");
        assertEquals(2, inits.size(), r.all());
        // the static count went on and the pid stayed: the same JVM, its application classes kept
        assertEquals(2, inits.get(1).count(), r.all());
        assertEquals(inits.get(0).pid(), inits.get(1).pid(), r.all());
        int raised = r.line("subject: raising");
        assertTrue(inits.get(1).line() > raised, r.all());
        // the failing process was stopped in the call, and the new initialisation's process runs
        assertFalse(r.printedAfter(raised, "went on after the error"), r.all());
        assertTrue(r.printedAfter(inits.get(1).line(), "subject: tick 0"), r.all());
        assertTrue(r.trace().stream().anyMatch(e -> e.type() == TraceEventType.PARTITION_MODE.id() && e.f0() == SUBJECT
                && e.f2() == PartitionMode.WARM_START.ordinal()), r.all());
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("subject"));
        witnessUntouched(r, raised);
    }

    @Test
    void coldStartInitialisesThePartitionAgainInANewJvm() throws Exception {
        Run r = run(raising(HmLevel.PARTITION, HmAction.COLD_START_PARTITION, ""), BACKSTOP,
                bothAfter("subject: raising", "tick 0", "tick"));
        r.onlyEvent(ErrorCode.APPLICATION_ERROR, HmAction.COLD_START_PARTITION);
        List<Init> inits = r.inits("subject");
        assertEquals(2, inits.size(), r.all());
        // a new JVM: the static count starts from 1 again under another pid, and the old JVM is gone
        assertEquals(1, inits.get(1).count(), r.all());
        assertNotEquals(inits.get(0).pid(), inits.get(1).pid(), r.all());
        assertTrue(inits.get(1).line() > r.line("subject: raising"), r.all());
        assertFalse(r.printedAfter(r.line("subject: raising"), "went on after the error"), r.all());
        assertTrue(r.printedAfter(inits.get(1).line(), "subject: tick 0"), r.all());
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("subject"));
        witnessUntouched(r, r.line("subject: raising"));
    }

    @Test
    void switchPlanRunsTheTargetPlansWindowsFromTheNextFrame() throws Exception {
        // done once each core has run 10 windows of "safe" and the witness ticked after the error
        Run r = run(raising(HmLevel.MODULE, HmAction.SWITCH_PLAN, "safe"), BACKSTOP, run -> {
            int raised = run.line("subject: raising");
            if (raised < 0 || !run.printedAfter(raised, "witness: tick")) {
                return false;
            }
            for (int core = 0; core < 2; core++) {
                int c = core;
                if (run.trace().stream().filter(e -> e.core() == c && e.type() == TraceEventType.WINDOW_START.id()
                        && e.f2() == SAFE_PLAN).count() < 10) {
                    return false;
                }
            }
            return true;
        });
        HmEvent e = r.onlyEvent(ErrorCode.APPLICATION_ERROR, HmAction.SWITCH_PLAN);
        assertEquals(1, r.summary().planSwitches(), r.all());
        assertEquals("safe", r.summary().activePlan(), r.all());
        for (int core = 0; core < 2; core++) {
            int c = core;
            List<Ev> onCore = r.trace().stream().filter(x -> x.core() == c).toList();
            List<Ev> switches = onCore.stream().filter(x -> x.type() == TraceEventType.PLAN_SWITCH.id()).toList();
            assertEquals(1, switches.size(), "core " + c + ": " + onCore);
            Ev sw = switches.get(0);
            // at the end of the frame the error fell in (a real-time frame edge comes late by the board's lateness,
            // which reaches tens of ms on a loaded host; the next frame's edge would be a whole frame more)
            assertTrue(sw.f0() == 0 && sw.f1() == SAFE_PLAN && sw.t() >= e.timeNs() && sw.t() <= e.timeNs() + FRAME
                    + FRAME / 2 + 5 * MS, sw + " after " + e);
            // every window before the switch was one of "normal", every one after it one of "safe"
            List<Ev> starts = onCore.stream().filter(x -> x.type() == TraceEventType.WINDOW_START.id()).toList();
            assertTrue(starts.stream().allMatch(x -> x.f2() == (x.t() < sw.t() ? 0 : SAFE_PLAN)), "core " + c + ": "
                    + starts);
            assertTrue(starts.stream().anyMatch(x -> x.f2() == 0) && starts.stream().filter(x -> x.f2() == SAFE_PLAN)
                    .count() >= 10, "core " + c + ": " + starts);
        }
        // only the schedule changed: the process went on in its JVM
        assertTrue(r.printedAfter(r.line("subject: raising"), "subject: went on after the error"), r.all());
        assertEquals(1, r.inits("subject").size(), r.all());
        witnessUntouched(r, r.line("subject: raising"));
    }

    @Test
    void shutdownEndsTheRunAtTheErrorAndLeavesNoPartitionProcess() throws Exception {
        // no stop condition: the run must end by itself long before its 10 s
        Run r = run(raising(HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, ""), 10_000 * MS, run -> false);
        HmEvent e = r.onlyEvent(ErrorCode.APPLICATION_ERROR, HmAction.SHUTDOWN_MODULE);
        assertTrue(r.summary().shutdown(), r.all());
        // the board stops after the 10 ms slice the error fell in; its clock is measured, so the slice's end can come
        // late by the board's lateness (12.6 ms after the error once, tens of ms on a loaded host): 200 ms, not the 10 s
        // the run would otherwise last
        assertTrue(r.summary().endTimeNs() <= e.timeNs() + 200 * MS, r.all());
        int hm = r.line("HM: subject/main APPLICATION_ERROR -> SHUTDOWN_MODULE");
        assertTrue(hm >= 0, r.all());
        assertFalse(r.printedAfter(hm, "went on after the error"), r.all());
        // the module hears of the error over subject's link: a neighbour on another core may run for as long as that
        // takes (about a millisecond), never past it
        assertFalse(r.stampedAfter("witness: tick", e.timeNs() + REACTION_NS), r.all());
        for (String p : List.of("subject", "witness")) {
            assertEquals(1, r.inits(p).size(), r.all());
            awaitGone(r.inits(p).get(0).pid());
        }
    }

    @Test
    void resetModuleStartsEveryPartitionAgainInANewJvm() throws Exception {
        // until both initialised again and ticked after it (a neighbour's tick from before the reset does not count)
        Run r = run(raising(HmLevel.MODULE, HmAction.RESET_MODULE, ""), BACKSTOP,
                run -> List.of("subject", "witness").stream().allMatch(p -> {
                    List<Init> inits = run.inits(p);
                    return inits.size() == 2 && run.printedAfter(inits.get(1).line(), p + ": tick 0");
                }));
        r.onlyEvent(ErrorCode.APPLICATION_ERROR, HmAction.RESET_MODULE);
        assertEquals(1, r.summary().moduleResets(), r.all());
        assertFalse(r.summary().shutdown(), r.all());
        int raised = r.line("subject: raising");
        for (String p : List.of("subject", "witness")) {
            List<Init> inits = r.inits(p);
            assertEquals(2, inits.size(), p + ": " + r.all());
            assertTrue(inits.get(0).line() < raised && inits.get(1).line() > raised, p + ": " + r.all());
            // a new JVM for each partition: the count from 1 again, another pid, the old JVM gone
            assertEquals(1, inits.get(1).count(), p + ": " + r.all());
            assertNotEquals(inits.get(0).pid(), inits.get(1).pid(), p + ": " + r.all());
            awaitGone(inits.get(0).pid());
            assertTrue(r.printedAfter(inits.get(1).line(), p + ": tick 0"), p + ": " + r.all());
            assertEquals(PartitionMode.NORMAL, r.summary().modes().get(p));
        }
        assertFalse(r.printedAfter(raised, "went on after the error"), r.all());
        assertEquals("normal", r.summary().activePlan(), r.all());
    }

    /**
     * The software watchdog (300 ms: room for a new JVM's first activation) is kicked at every 20 ms activation until
     * the app stops; it expires then, and its default action cold-starts the partition into a new JVM, which kicks.
     */
    @Test
    void anUnkickedPartitionWatchdogExpiresAndColdStartsThePartitionInANewJvm() throws Exception {
        SystemConfig config = system(partition("subject", 0, 0, HmApps.Lapser.class, 300 * MS), List.of());
        Run r = run(config, BACKSTOP, r2 -> {
            int stopped = r2.line("subject: stops kicking");
            List<Init> inits = r2.inits("subject");
            // the new JVM ran long enough to have had to kick in time, and the witness ticked since (it prints every
            // 200 ms: a run that ended before that passed only while partitions ran on past the run's end)
            return stopped >= 0 && inits.size() == 2 && r2.printedAfter(inits.get(1).line(), "subject: tick 20")
                    && r2.printedAfter(inits.get(1).line(), "witness: tick");
        });
        HmEvent e = r.onlyEvent(ErrorCode.WATCHDOG, HmAction.COLD_START_PARTITION);
        assertTrue(e.message().contains("software watchdog of subject expired"), e.toString());
        assertTrue(r.trace().stream().anyMatch(x -> x.type() == TraceEventType.WATCHDOG_EXPIRED.id() && x.f0() == SUBJECT
                && x.t() == e.timeNs()), r.all());
        // it expired one period after the last kick, not before (the kicks kept it alive) and not a period after (the
        // engine fires it late by its lateness only, tens of ms at worst on a loaded host)
        long lastKick = r.trace().stream().filter(x -> x.type() == TraceEventType.WATCHDOG_KICK.id()
                && x.f0() == SUBJECT && x.t() <= e.timeNs()).mapToLong(Ev::t).max().orElseThrow();
        assertTrue(e.timeNs() - lastKick >= 300 * MS && e.timeNs() - lastKick < 400 * MS,
                "last kick at " + lastKick + ", " + e);
        int stopped = r.line("subject: stops kicking");
        List<Init> inits = r.inits("subject");
        assertEquals(2, inits.size(), r.all());
        assertTrue(inits.get(1).line() > stopped, r.all());
        assertEquals(1, inits.get(1).count(), r.all());
        assertNotEquals(inits.get(0).pid(), inits.get(1).pid(), r.all());
        assertTrue(r.printedAfter(inits.get(1).line(), "subject: tick 20"), r.all());
        witnessUntouched(r, inits.get(1).line());
    }

    /**
     * A partition JVM that ends on its own is the process's APPLICATION_ERROR (logged by default), and the partition
     * cold-starts in a new JVM: the only way back for a partition without its address space.
     */
    @Test
    void aPartitionJvmThatDiesOnItsOwnIsAnApplicationErrorAndItsPartitionColdStartsInANewJvm() throws Exception {
        SystemConfig config = system(partition("subject", 0, 0, HmApps.Halter.class, 0), List.of());
        Run r = run(config, BACKSTOP, bothAfter("subject: halting its JVM", "tick 0", "tick"));
        HmEvent e = r.onlyEvent(ErrorCode.APPLICATION_ERROR, HmAction.LOG);
        assertTrue(e.message().contains("partition process ended unexpectedly (status 7)"), e.toString());
        int lost = r.line("HM: subject lost its partition process -> COLD_START_PARTITION");
        assertTrue(lost > r.line("subject: halting its JVM"), r.all());
        List<Init> inits = r.inits("subject");
        assertEquals(2, inits.size(), r.all());
        assertTrue(inits.get(1).line() > lost, r.all());
        assertEquals(1, inits.get(1).count(), r.all());
        assertNotEquals(inits.get(0).pid(), inits.get(1).pid(), r.all());
        assertTrue(r.printedAfter(inits.get(1).line(), "subject: tick 0"), r.all());
        assertEquals(PartitionMode.NORMAL, r.summary().modes().get("subject"));
        witnessUntouched(r, lost);
    }
}

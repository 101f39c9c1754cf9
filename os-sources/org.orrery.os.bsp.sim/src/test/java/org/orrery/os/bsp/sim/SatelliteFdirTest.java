// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.trace.TraceEventType;

/** The satellite-obc fault-injection partition drives every health-monitor action; each must really happen. */
class SatelliteFdirTest {
    private static final int AOCS = 0;
    private static final int FDIR = 1;
    private static final int AOCS_ALIVE = 7;

    /** The bystander: kicks its watchdog and traces one event per 50 ms activation. */
    private static final PartitionApplication AOCS_APP = p -> {
        p.createProcess(new ProcessRef("estimator", 0), () -> {
            while (true) {
                p.kickWatchdog();
                p.traceEvent(AOCS_ALIVE, 0);
                p.compute(MS);
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    };

    @TempDir
    static Path work;
    private static Path classes;

    @BeforeAll
    static void compileTheExampleApplication() throws Exception {
        classes = SatelliteFdir.compile(work);
    }

    private static SimResult run(String script, long durationNs) throws Exception {
        JarApplicationLoader jar = new JarApplicationLoader(Map.of("fdir", SatelliteFdir.applicationJar(classes, script)));
        ApplicationLoader inProcess = ApplicationLoader.of(Map.of("aocs", () -> AOCS_APP));
        ApplicationLoader loader = (PartitionConfig p, boolean cold) ->
                p.name().equals("fdir") ? jar.load(p, cold) : inProcess.load(p, cold);
        return Simulator.of(SatelliteFdir.config(), loader).run(durationNs);
    }

    private static HmEvent hm(SimResult r, ErrorCode error, long scriptedMs) {
        List<HmEvent> found = r.summary().hmEvents().stream()
                .filter(e -> e.partition().equals("fdir") && e.error() == error).toList();
        assertEquals(1, found.size(), error + " handled once: " + r.summary().hmEvents());
        HmEvent e = found.get(0);
        // The injector runs in fdir's window at 90..100 ms of each 100 ms frame.
        assertTrue(e.timeNs() > scriptedMs * MS && e.timeNs() <= scriptedMs * MS + 100 * MS, e.toString());
        HmAction expected = SatelliteFdir.FDIR_RULES.stream().filter(rule -> rule.error() == error).findFirst()
                .orElseThrow().action();
        assertEquals(expected, e.action(), e.toString());
        return e;
    }

    private static boolean traced(List<Sys.Ev> ev, long t, TraceEventType type, long f0, long f1, long f2) {
        return ev.stream().anyMatch(e -> e.t() == t && e.type() == type && e.f0() == f0 && e.f1() == f1 && e.f2() == f2);
    }

    private static long mode(PartitionMode m) {
        return m.ordinal();
    }

    @Test
    void theExampleScriptExercisesEveryRecoveryAction() throws Exception {
        SimResult r = run(null, 5_000 * MS);
        List<Sys.Ev> ev = Sys.events(r);
        List<String> console = r.console();

        for (HmEvent e : r.summary().hmEvents()) {
            assertTrue(traced(ev, e.timeNs(), TraceEventType.HM_EVENT, e.partition().equals("fdir") ? FDIR : AOCS,
                    e.error().ordinal(), e.action().ordinal()), "HM_EVENT traced for " + e);
        }
        assertEquals(8, r.summary().hmEvents().size(), r.summary().hmEvents().toString());

        // IGNORE: counted and traced, nothing printed, nothing restarted.
        HmEvent ignore = hm(r, ErrorCode.APPLICATION_ERROR, 1000);
        assertFalse(console.stream().anyMatch(l -> l.contains("HM: fdir/injector APPLICATION_ERROR")), console.toString());
        assertFalse(ev.stream().anyMatch(e -> e.t() == ignore.timeNs() && e.type() == TraceEventType.PROCESS_STATE
                && e.f0() == FDIR && e.f2() == ProcessState.DORMANT.ordinal()));

        // LOG: one console line.
        HmEvent log = hm(r, ErrorCode.NUMERIC_ERROR, 1500);
        assertTrue(console.contains(String.format("[%d.%09d] HM: fdir/injector NUMERIC_ERROR -> LOG: injected by telecommand",
                log.timeNs() / 1_000_000_000L, log.timeNs() % 1_000_000_000L)), console.toString());

        // RESTART_PROCESS: the injector goes DORMANT and is started again at the same instant.
        HmEvent restart = hm(r, ErrorCode.DEADLINE_MISSED, 2000);
        assertTrue(traced(ev, restart.timeNs(), TraceEventType.PROCESS_STATE, FDIR, 0, ProcessState.DORMANT.ordinal()));
        assertTrue(ev.stream().anyMatch(e -> e.t() == restart.timeNs() && e.type() == TraceEventType.PROCESS_STATE
                && e.f0() == FDIR && e.f1() == 0 && e.f2() != ProcessState.DORMANT.ordinal()));

        // WARM_START: fdir re-initialises (its init log line says which faults remain) and returns to NORMAL.
        HmEvent warm = hm(r, ErrorCode.STACK_OVERFLOW, 2500);
        assertTrue(traced(ev, warm.timeNs(), TraceEventType.PARTITION_MODE, FDIR, mode(PartitionMode.NORMAL),
                mode(PartitionMode.WARM_START)));
        assertTrue(console.stream().anyMatch(l -> l.endsWith("fdir: fdir WARM_START: 4 of 8 scripted faults still to send")),
                console.toString());

        // COLD_START.
        HmEvent cold = hm(r, ErrorCode.MEMORY_VIOLATION, 3000);
        assertTrue(traced(ev, cold.timeNs(), TraceEventType.PARTITION_MODE, FDIR, mode(PartitionMode.NORMAL),
                mode(PartitionMode.COLD_START)));
        assertTrue(console.stream().anyMatch(l -> l.endsWith("fdir: fdir COLD_START: 3 of 8 scripted faults still to send")));

        // SWITCH_PLAN: safe_mode (plan 1) from the end of the current major frame; aocs windows grow to 15 ms.
        HmEvent sw = hm(r, ErrorCode.HARDWARE_FAULT, 3500);
        long frameEnd = (sw.timeNs() / (100 * MS) + 1) * 100 * MS;
        assertTrue(traced(ev, frameEnd, TraceEventType.PLAN_SWITCH, 0, 1, 0), "plan switch at " + frameEnd);
        assertTrue(traced(ev, frameEnd, TraceEventType.WINDOW_START, AOCS, 0, 1));
        assertTrue(traced(ev, frameEnd + 15 * MS, TraceEventType.WINDOW_END, AOCS, 0, 0));

        // RESET_MODULE: every partition cold starts at once and the initial plan (nominal) starts a new frame.
        HmEvent reset = hm(r, ErrorCode.WATCHDOG, 4000);
        assertEquals(1, r.summary().moduleResets());
        assertTrue(traced(ev, reset.timeNs(), TraceEventType.PARTITION_MODE, AOCS, mode(PartitionMode.NORMAL),
                mode(PartitionMode.COLD_START)));
        assertTrue(traced(ev, reset.timeNs(), TraceEventType.PARTITION_MODE, FDIR, mode(PartitionMode.NORMAL),
                mode(PartitionMode.COLD_START)));
        assertTrue(traced(ev, reset.timeNs(), TraceEventType.WINDOW_START, AOCS, 0, 0));

        // IDLE_PARTITION, provoked by a real illegal call: fdir stops for good, aocs keeps flying.
        HmEvent idle = hm(r, ErrorCode.ILLEGAL_REQUEST, 4500);
        assertTrue(traced(ev, idle.timeNs(), TraceEventType.PARTITION_MODE, FDIR, mode(PartitionMode.NORMAL),
                mode(PartitionMode.IDLE)));
        assertEquals(Map.of("aocs", PartitionMode.NORMAL, "fdir", PartitionMode.IDLE), r.summary().modes());
        long aliveAfterIdle = ev.stream().filter(e -> e.type() == TraceEventType.USER_EVENT && e.f0() == AOCS
                && e.f1() == AOCS_ALIVE && e.t() > idle.timeNs()).count();
        assertTrue(aliveAfterIdle >= 8, "aocs activations after fdir went idle: " + aliveAfterIdle);
        assertFalse(r.summary().shutdown());
        assertEquals(5_000 * MS, r.summary().endTimeNs());
    }

    @Test
    void powerFailShutsTheModuleDown() throws Exception {
        SimResult r = run("500 ms POWER_FAIL\n", 5_000 * MS);
        HmEvent e = hm(r, ErrorCode.POWER_FAIL, 500);
        assertTrue(r.summary().shutdown());
        assertTrue(r.summary().endTimeNs() < 600 * MS, "run ended at " + r.summary().endTimeNs());
        assertTrue(Sys.events(r).stream().noneMatch(x -> x.t() > e.timeNs()), "nothing runs after the shutdown");
    }

    @Test
    void aBadScriptLineIsReportedAndSkipped() throws Exception {
        SimResult r = run("200 ms NO_SUCH_ERROR\n300 ms NUMERIC_ERROR\n", 500 * MS);
        assertTrue(r.console().contains("[0.090000000] fdir: faults.txt:1: No enum constant "
                + "org.orrery.os.api.ErrorCode.NO_SUCH_ERROR, line skipped"), r.console().toString());
        hm(r, ErrorCode.NUMERIC_ERROR, 300);
    }
}

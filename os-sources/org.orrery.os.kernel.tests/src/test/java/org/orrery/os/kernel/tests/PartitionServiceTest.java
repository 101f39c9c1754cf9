// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.kernel.tests.Rig.MS;
import static org.orrery.os.kernel.tests.Rig.aperiodic;
import static org.orrery.os.kernel.tests.Rig.at;
import static org.orrery.os.kernel.tests.Rig.attempt;
import static org.orrery.os.kernel.tests.Rig.ms;
import static org.orrery.os.kernel.tests.Rig.periodic;
import static org.orrery.os.kernel.tests.Rig.refusal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.Semaphore;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.trace.TraceEventType;

/**
 * Partition services: name, mode, setMode, raiseError, createErrorHandler, errorStatus, log, traceEvent
 * (kickWatchdog and requestPlanSwitch are in {@link WatchdogAndPlanServiceTest}).
 */
class PartitionServiceTest {
    private static final ProcessRef MAIN = new ProcessRef("main", 0);
    private static final ProcessRef TICK = new ProcessRef("tick", 1);

    @Test
    void nameModeLogAndTraceEvent() throws Exception {
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            p.log("init of " + p.name() + " in " + p.mode());
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                p.log("process in " + p.mode());
                p.traceEvent(7, 42);
            }).start();
        });
        assertEquals(List.of("[0.000000000] a: init of a in COLD_START", "[0.001000000] a: process in NORMAL"),
                r.console());
        assertEquals(List.of(new Rig.Ev(0, MS, TraceEventType.USER_EVENT, 0, 7, 42)),
                Rig.only(Rig.trace(r), TraceEventType.USER_EVENT));
    }

    @Test
    void logEscapesControlCharactersCutsLongLinesAndLimitsTheRate() throws Exception {
        SimResult r = Rig.run(Rig.solo(aperiodic("main", 5)), 1_100 * MS, java.util.Map.of("a", p -> p.createProcess(MAIN, () -> {
            p.log("two\nlines\u001b[2J");
            p.log("y".repeat(1500));
            for (int i = 0; i < 300; i++) {
                p.log("flood " + i);
            }
            p.timedWait(1_000 * MS);
            p.log("a second later");
        }).start()));
        List<String> lines = r.console();
        assertEquals("[0.000000000] a: two\\nlines\\u001b[2J", lines.get(0));
        assertEquals("[0.000000000] a: " + "y".repeat(1000) + "... (500 more characters)", lines.get(1));
        assertEquals(200, lines.stream().filter(l -> l.startsWith("[0.000000000]")).count(), "200 lines per second");
        assertEquals("[1.000000000] a: (102 lines dropped: at most 200 per second) a second later",
                lines.get(lines.size() - 1));
    }

    @Test
    void setModeNormalEndsInitialisationAndIdleStopsThePartition() throws Exception {
        List<String> seen = new ArrayList<>();
        // A 2 ms frame: "tick", started during initialisation, has its first release as the window opens after
        // NORMAL mode (2 ms), not at the instant of setMode (1 ms).
        SystemConfig c = Rig.soloEvery(2 * MS, List.of(), aperiodic("main", 5), periodic("tick", 2 * MS, 0, 3));
        SimResult r = Rig.runSolo(c, p -> {
            p.createProcess(TICK, () -> {
                while (true) {
                    seen.add("tick" + at(p));
                    p.periodicWait();
                }
            }).start();
            p.createProcess(MAIN, () -> {
                p.timedWait(4 * MS);
                p.setMode(PartitionMode.IDLE);
                seen.add("never: setMode(IDLE) does not return");
            }).start();
            p.compute(MS);
            p.setMode(PartitionMode.NORMAL);
            seen.add("never: setMode(NORMAL) does not return");
        });
        assertEquals(List.of("tick@2", "tick@4"), seen);
        assertEquals(List.of("0 COLD_START>COLD_START", "1 COLD_START>NORMAL", "5 NORMAL>IDLE"),
                Rig.modeChanges(Rig.trace(r), 0));
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void setModeColdAndWarmStartRunTheInitialisationAgain() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.run(Rig.solo(aperiodic("main", 5)), 20 * MS, (partition, cold) -> {
            seen.add((cold ? "cold" : "warm") + " load");
            return (PartitionApplication) p -> {
                seen.add("init in " + p.mode() + at(p));
                p.createProcess(MAIN, () -> {
                    p.timedWait(2 * MS);
                    if (seen.size() == 6) {
                        seen.add("main after the third start" + at(p));
                        return;
                    }
                    p.setMode(seen.size() == 2 ? PartitionMode.WARM_START : PartitionMode.COLD_START);
                    seen.add("never: a restart does not return");
                }).start();
            };
        });
        assertEquals(List.of("cold load", "init in COLD_START@0", "warm load", "init in WARM_START@2", "cold load",
                "init in COLD_START@4", "main after the third start@6"), seen);
        assertEquals(List.of(), Rig.hm(r));
    }

    @Test
    void raiseErrorIsReportedAndTheErrorHandlerRunsBeforeTheRaiser() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            p.createErrorHandler(() -> {
                ErrorStatus s = p.errorStatus();
                seen.add("handler: " + s.code() + " " + s.process().name() + " '" + s.message() + "' raised@"
                        + ms(s.timestampNs()) + " run" + at(p));
            });
            p.createProcess(MAIN, () -> {
                seen.add("status outside the handler " + p.errorStatus());
                p.timedWait(2 * MS);
                p.raiseError(ErrorCode.APPLICATION_ERROR, "sensor stuck");
                seen.add("main continues" + at(p));
                p.timedWait(MS);
                p.raiseError(ErrorCode.NUMERIC_ERROR, "again");
                seen.add("main continues" + at(p));
            }).start();
        });
        assertEquals(List.of("status outside the handler null", "handler: APPLICATION_ERROR main 'sensor stuck' raised@2 run@2",
                "main continues@2", "handler: NUMERIC_ERROR main 'again' raised@3 run@3", "main continues@3"), seen);
        assertEquals(List.of("2 a/main APPLICATION_ERROR PROCESS LOG", "3 a/main NUMERIC_ERROR PROCESS LOG"), Rig.hm(r));
    }

    /** Fault injection: a raised DEADLINE_MISSED is handled by its rule and listed, but no deadline was missed. */
    @Test
    void aRaisedDeadlineMissIsHandledButNotCountedAsAMiss() throws Exception {
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> p.createProcess(MAIN, () -> {
            p.timedWait(2 * MS);
            p.raiseError(ErrorCode.DEADLINE_MISSED, "injected");
        }).start());
        assertEquals(1, r.summary().hmEvents().size(), r.summary().format());
        HmEvent e = r.summary().hmEvents().get(0);
        assertEquals(ErrorCode.DEADLINE_MISSED, e.error());
        assertTrue(e.raised(), e.toString());
        assertEquals(0, r.summary().deadlineMisses(), r.summary().format());
    }

    @Test
    void invalidCallsAreRefusedReportedAndHandedToTheErrorHandler() throws Exception {
        List<String> seen = new ArrayList<>();
        SimResult r = Rig.runSolo(Rig.solo(aperiodic("main", 5)), p -> {
            seen.add("null handler " + attempt(() -> p.createErrorHandler(null)));
            PartitionProcess handler = p.createErrorHandler(() -> seen.add("handler " + p.errorStatus().code() + at(p)));
            seen.add("second handler " + attempt(() -> p.createErrorHandler(() -> { })));
            seen.add("null mode in init " + attempt(() -> p.setMode(null)) + " " + p.mode());
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                // Each refusal is a process-level error: the handler runs before the refused call returns.
                seen.add("null mode " + attempt(() -> p.setMode(null)) + " " + p.mode());
                seen.add("normal again " + attempt(() -> p.setMode(PartitionMode.NORMAL)) + " " + p.mode());
                seen.add("null error " + attempt(() -> p.raiseError(null, "x")));
                seen.add("late handler " + attempt(() -> p.createErrorHandler(() -> { })));
                seen.add("start handler " + attempt(handler::start) + " " + handler.state());
                seen.add("suspend handler " + attempt(handler::suspend) + " " + handler.state());
            }).start();
        });
        List<String> expected = new ArrayList<>(List.of("null handler refused", "second handler refused",
                "null mode in init refused COLD_START"));
        for (String line : List.of("null mode refused NORMAL", "normal again refused NORMAL", "null error refused",
                "late handler refused", "start handler refused DORMANT", "suspend handler refused DORMANT")) {
            expected.add("handler ILLEGAL_REQUEST@1");
            expected.add(line);
        }
        assertEquals(expected, seen);
        List<String> hm = new ArrayList<>(Rig.times(3, refusal("0", "init")));
        hm.addAll(Rig.times(6, refusal("1", "main")));
        assertEquals(hm, Rig.hm(r));
    }

    /**
     * A refusal throws only "if the monitor lets the caller continue": configured to restart the process, the
     * refused call never returns, the refusal still changed nothing, and the body starts afresh at once.
     */
    @Test
    void aRefusalWhoseActionRestartsTheCallerNeitherReturnsNorThrows() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] runs = {0};
        SimResult r = Rig.runSolo(Rig.solo(List.of(Rig.hm("a", SystemState.PROCESS_EXECUTION,
                Rig.rule(ErrorCode.ILLEGAL_REQUEST, HmLevel.PROCESS, HmAction.RESTART_PROCESS))), aperiodic("main", 5)),
                p -> {
                    Semaphore s = p.createSemaphore("s", 1, 1, QueuingDiscipline.FIFO);
                    p.createProcess(MAIN, () -> {
                        runs[0]++;
                        seen.add("run " + runs[0] + " value " + s.value() + at(p));
                        if (runs[0] == 1) {
                            p.timedWait(MS);
                            seen.add("release at max " + attempt(s::release));
                            seen.add("never: the restarted caller does not continue");
                        }
                    }).start();
                });
        assertEquals(List.of("run 1 value 1@0", "run 2 value 1@1"), seen);
        assertEquals(List.of("1 a/main ILLEGAL_REQUEST PROCESS RESTART_PROCESS"), Rig.hm(r));
    }
}

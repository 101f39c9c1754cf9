// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.HmEvent;
import org.orrery.trace.analysis.DeviationKind;

/**
 * {@link ContainmentTest}'s run-time attacks on the hosted board: the same systems, in real time, each partition a
 * JVM in its own cgroup. What the board answers for whatever the host's load is judged: the neighbours print on,
 * their windows all open and close on plan (how late is printed, not asserted: a shared build machine stalls a
 * real-time board now and then), the health monitor reports only the attacker, with the configured action. An
 * endless constructor overruns later than on the simulated board: initialisation gets ten overrun allowances here
 * (a cold JVM loads and compiles first). A run ends as soon as what it checks has happened (the attacker reported, the
 * neighbours' ticks printed): the allowances leave out the time the attacker's cgroup waited for a processor in its
 * windows, and on a loaded host it waits longer, so its overrun comes later in board time than on a quiet one.
 */
class HostedContainmentTest {
    private static final long MS = 1_000_000L;
    /**
     * How long a console flood runs: its lines are counted per whole second of board time. An endless constructor's
     * overrun (ten guards of bad's window time less its wait for a processor, 10 ms of each 20 ms frame) comes at 2 s on
     * a quiet host.
     */
    private static final long DURATION = 3_000 * MS;
    /** Only a backstop: a run ends once what it checks has happened. */
    private static final long BOUND = 30_000 * MS;
    /** The ticks each neighbour must print (one per 20 ms frame once it initialised). */
    private static final int TICKS = 50;
    /** The overrun guard of the run: long enough for a cold JVM's first calls, short enough to fire in the run. */
    private static final long GUARD_MS = 100;
    private static final Set<DeviationKind> STRUCTURAL = EnumSet.of(DeviationKind.MISSING_WINDOW,
            DeviationKind.WRONG_PARTITION, DeviationKind.UNEXPECTED_WINDOW, DeviationKind.OVERRUN);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Spin, WINDOW_OVERRUN, IDLE_PARTITION",
        "Allocate, MEMORY_VIOLATION, LOG",
        "Recurse, STACK_OVERFLOW, IDLE_PARTITION",
        "LoopingToString, WINDOW_OVERRUN, IDLE_PARTITION",
        "ThrowingToString, APPLICATION_ERROR, LOG",
        "EndlessConstructor, WINDOW_OVERRUN, IDLE_PARTITION",
        "ConsoleFlood, , ",
    })
    void theNeighboursKeepTheirWindows(String attack, String error, String action) throws Exception {
        BoardSupport hosted = Boards.named("hosted").orElseThrow(() -> new AssertionError(
                "no hosted board in " + Boards.names()));
        Build.Loaded built = Build.of(Compile.create().system(ContainmentTest.system(dir, attack))).inMemory();
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        Path trace = dir.resolve("trace");
        RunWatch watch = new RunWatch();
        int bad = built.image().config().partitions().stream().filter(p -> p.name().equals("bad")).findFirst()
                .orElseThrow().index();
        Run.Outcome out = Run.of(built.image(), hosted).guardMillis(GUARD_MS).echo(console::add).traceTo(trace)
                .watch(watch).stopWhen(() -> ticks(console, "good") >= TICKS && ticks(console, "far") >= TICKS
                        && (error == null ? watch.boardTimeNs() >= DURATION : watch.reported(bad)))
                .run(BOUND);
        System.out.print("[" + attack + "] " + out.report());

        for (String p : List.of("good", "far")) {
            long ticks = ticks(console, p);
            assertTrue(ticks >= TICKS, p + " printed on (" + ticks + " ticks):\n" + out.report());
        }
        TraceCheck.Result check = TraceCheck.check(built.image().config(), trace, 5 * MS);
        System.out.println("[" + attack + "] " + check.summary());
        List<String> neighbours = check.deviations().stream().filter(d -> STRUCTURAL.contains(d.kind()))
                .filter(d -> !d.message().contains("(partition bad)")).map(TraceCheck.Result::line).toList();
        assertEquals(List.of(), neighbours, "the neighbours' windows all opened and closed on plan");

        List<HmEvent> hm = out.summary().hmEvents();
        assertTrue(hm.stream().allMatch(e -> e.partition().equals("bad")), "only bad is reported: " + hm);
        if (error == null) {
            assertEquals(List.of(), hm);
            // the limit holds per second of board time: count the lines of the whole seconds the run covered
            long seconds = out.summary().endTimeNs() / (1000 * MS);
            List<String> flood = console.stream().filter(l -> l.contains(" bad: ")).toList();
            long inWholeSeconds = flood.stream().filter(l -> secondOf(l) < seconds).count();
            assertTrue(seconds >= 3 && inWholeSeconds <= 200 * seconds,
                    "at most 200 lines per second: " + inWholeSeconds + " in " + seconds + " s");
            assertTrue(flood.stream().allMatch(l -> l.length() < 1100), "lines are cut at 1000 characters");
        } else {
            HmEvent first = hm.get(0);
            assertEquals(error, first.error().name(), hm.toString());
            assertEquals(action, first.action().name(), hm.toString());
        }
    }

    private static long ticks(List<String> console, String partition) {
        synchronized (console) {
            return console.stream().filter(l -> l.contains(" " + partition + ": tick")).count();
        }
    }

    /** The whole second of board time a console line ({@code [S.NNNNNNNNN] partition: text}) was printed in. */
    private static long secondOf(String line) {
        return Long.parseLong(line.substring(line.indexOf('[') + 1, line.indexOf('.')));
    }
}

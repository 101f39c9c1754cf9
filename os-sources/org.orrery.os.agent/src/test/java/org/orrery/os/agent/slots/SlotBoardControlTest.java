// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.Verdict;

/**
 * Operator requests on a real booted image: the agent sends them down the boot child's stdin, its kernel applies
 * them, and the answer and the board's events come back on its stdout.
 */
class SlotBoardControlTest {

    @TempDir
    static Path images;
    static TestImages built;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        built = new TestImages(images);
    }

    private static BoardEvent await(List<BoardEvent> events, Predicate<BoardEvent> what, String description)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (BoardEvent e : events) {
                if (what.test(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + description + " within 10 s: " + events);
    }

    @Test
    void aRunningPartitionStopsStartsAgainAndThePlanSwitches() throws Exception {
        built.trust(dir);
        try (SlotBoard board = SlotBoard.open(dir, SlotBoardControlTest.options())) {
            String sha = Uploads.upload(board, built.good("demo", 1));
            board.install(sha, false, "test");
            // a stopped partition would fail the trial's frames and roll the image back: not while on trial
            Refusal trial = assertThrows(Refusal.class, () -> board.control("stop", "app", "tester"));
            assertEquals("busy", trial.code());
            assertTrue(trial.getMessage().endsWith("is on trial in slot a; operate the board once it is confirmed"),
                    trial.getMessage());
            assertEquals(Verdict.Outcome.CONFIRMED, board.awaitVerdict(sha, java.time.Duration.ofSeconds(40)).outcome());
            List<BoardEvent> events = new CopyOnWriteArrayList<>();
            board.subscribe(events::add);

            BoardEvent cpu = await(events, e -> e.kind() == BoardEvent.Kind.CPU, "cpu event");
            // the tick process computes 100 us in each 10 ms window
            assertEquals("app 100 10000 NORMAL", cpu.text());

            long t0 = System.nanoTime();
            assertEquals("app IDLE", board.control("stop", "app", "tester"));
            System.out.println("[agent-control] stop answered in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            await(events, e -> e.kind() == BoardEvent.Kind.MODE && e.text().equals("app IDLE"), "mode event IDLE");
            await(events, e -> e.kind() == BoardEvent.Kind.CONSOLE && e.text().contains("OPERATOR: tester: stop app"),
                    "operator line on the console");
            events.clear();
            await(events, e -> e.kind() == BoardEvent.Kind.CPU && e.text().equals("app 0 10000 IDLE"),
                    "cpu event of the idle partition");

            assertEquals("app COLD_START", board.control("start", "app", "tester"));
            await(events, e -> e.kind() == BoardEvent.Kind.MODE && e.text().equals("app NORMAL"), "mode event NORMAL");

            assertEquals("plan maintenance at the end of the major frame",
                    board.control("switch-plan", "maintenance", "tester"));
            await(events, e -> e.kind() == BoardEvent.Kind.PLAN && e.text().equals("main -> maintenance on core 0"),
                    "plan event");

            Refusal unknown = assertThrows(Refusal.class, () -> board.control("stop", "nav", "tester"));
            assertEquals("refused", unknown.code());
            assertEquals("no partition 'nav' on this board (partitions: app)", unknown.getMessage());
            Refusal noPlan = assertThrows(Refusal.class, () -> board.control("switch-plan", "night", "tester"));
            assertEquals("no plan 'night' on this board (plans: main, maintenance)", noPlan.getMessage());
            Refusal action = assertThrows(Refusal.class, () -> board.control("pause", "app", "tester"));
            assertEquals("bad-request", action.code());
            assertEquals("unknown action 'pause' (start, stop, restart, switch-plan)", action.getMessage());
        }
    }

    @Test
    void aBoardWithNothingRunningRefuses() throws Exception {
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            Refusal r = assertThrows(Refusal.class, () -> board.control("stop", "app", "tester"));
            assertEquals("not-running", r.code());
            assertEquals("no image runs on this board (flash one first)", r.getMessage());
        }
    }

    @Test
    void anEmptyNameOrOneWithSpacesIsRefusedAsSuch() throws Exception {
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            Refusal empty = assertThrows(Refusal.class, () -> board.control("stop", "", "tester"));
            assertEquals("bad-request", empty.code());
            assertEquals("stop needs a partition or plan name; the name given is empty", empty.getMessage());
            Refusal spaced = assertThrows(Refusal.class, () -> board.control("switch-plan", "night shift", "tester"));
            assertEquals("bad-request", spaced.code());
            assertEquals("a partition or plan name has no spaces: 'night shift'", spaced.getMessage());
        }
    }

    @Test
    void anyWaitTheWireCarriesIsAWaitNotAnError() throws Exception {
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            Verdict v = board.awaitVerdict("ab".repeat(32), java.time.Duration.ofMillis(Long.MAX_VALUE));
            assertEquals(Verdict.Outcome.ROLLED_BACK, v.outcome());
            assertTrue(v.reason().startsWith("no slot holds image abababababab..."), v.reason());
        }
    }

    static SlotBoardOptions options() {
        return SlotBoardTest.options();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;

/** Install, trial, confirm and rollback with real images booted in real child JVMs. */
class SlotBoardTest {

    static final int CONFIRM = 3;

    @TempDir
    static Path images;
    static TestImages built;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        built = new TestImages(images);
    }

    static SlotBoardOptions options() {
        return SlotBoardOptions.defaults("sim").withConfirmFrames(CONFIRM).withTrialTimeout(Duration.ofSeconds(30));
    }

    /** Flashes {@code image} and waits for the trial's end. */
    static Verdict flash(SlotBoard board, Path image, boolean allowDowngrade) throws Exception {
        String sha = Uploads.upload(board, image);
        board.install(sha, allowDowngrade, "test");
        return board.awaitVerdict(sha, Duration.ofSeconds(40));
    }

    static SlotInfo slot(BoardStatus s, String name) {
        return s.slots().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aGoodImageConfirmsItselfAndRaisesTheCounter() throws Exception {
        built.trust(dir);
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            BoardStatus empty = board.status();
            assertNull(empty.bootedSlot(), "an empty board boots nothing");
            assertEquals(0, empty.securityCounter());

            Path image = built.good("demo", 4);
            long t0 = System.nanoTime();
            Verdict v = flash(board, image, false);
            long ms = (System.nanoTime() - t0) / 1_000_000L;
            System.out.println("[agent-board] install -> confirmed (" + CONFIRM + " frames of 20 ms): " + ms + " ms");
            assertEquals(Verdict.Outcome.CONFIRMED, v.outcome(), v.reason());
            BoardStatus s = board.status();
            assertEquals("a", s.bootedSlot());
            assertEquals(SlotState.GOOD, slot(s, "a").state());
            assertTrue(slot(s, "a").selected());
            assertEquals(4, s.securityCounter(), "confirmation raises the stored counter to the image's");
            assertEquals(slot(s, "a").image(), s.running());
            // the board runs the kernel the image holds, not the agent's own copy of it
            String childClassPath = ProcessHandle.current().descendants()
                    .map(p -> String.join(" ", p.info().arguments().orElse(new String[0])))
                    .filter(a -> a.contains("BootMain")).findFirst().orElseThrow();
            Path kernelJar = dir.resolve("run/kernel/org.orrery.os.kernel.jar");
            assertTrue(childClassPath.contains(kernelJar.toString()), childClassPath);
            String agentKernel = Path.of(org.orrery.os.kernel.Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            assertTrue(!childClassPath.contains(agentKernel + " ") && !childClassPath.contains(agentKernel + ":"),
                    "the agent's kernel is not on the board's class path: " + childClassPath);
        }
    }

    /** {@code orrery agent --slots var/slots}: the boot child runs in the slot directory, the paths it gets must hold. */
    @Test
    void aSlotDirectoryGivenAsARelativePathBootsToo() throws Exception {
        // under the working directory (target/), so that it does not resolve from inside the slot directory
        Path relative = Path.of("target", "relative-slots-" + ProcessHandle.current().pid());
        assertFalse(relative.isAbsolute());
        try {
            built.trust(relative);
            try (SlotBoard board = SlotBoard.open(relative, options())) {
                Verdict v = flash(board, built.good("demo", 1), false);
                assertEquals(Verdict.Outcome.CONFIRMED, v.outcome(), v.reason());
            }
        } finally {
            try (var files = Files.walk(relative)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aFailingImageRollsBackByItselfToThePreviousGoodOne() throws Exception {
        built.trust(dir);
        List<BoardEvent> events = new CopyOnWriteArrayList<>();
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, built.good("demo", 1), false).outcome());
            BoardStatus before = board.status();
            board.subscribe(events::add);

            Path failing = built.failing("demo", 2);
            long t0 = System.nanoTime();
            Verdict v = flash(board, failing, false);
            long ms = (System.nanoTime() - t0) / 1_000_000L;
            System.out.println("[agent-board] failing image rolled back after " + ms + " ms: " + v.reason());
            assertEquals(Verdict.Outcome.ROLLED_BACK, v.outcome());
            assertTrue(v.reason().contains("healthy major frames"), v.reason());
            assertTrue(v.reason().contains("app"), "the reason names the partition: " + v.reason());

            BoardStatus after = board.status();
            assertEquals(SlotState.BAD, slot(after, "b").state());
            assertEquals(slot(before, "a"), slot(after, "a"), "the previous good slot is selected again, untouched");
            assertEquals("a", after.bootedSlot());
            assertEquals(1, after.securityCounter(), "a failed trial does not raise the counter");
            assertTrue(events.stream().anyMatch(e -> e.kind() == BoardEvent.Kind.HM && e.text().contains("WARM_START_PARTITION")),
                    "HM events reach subscribers: " + events);
            assertTrue(events.stream().anyMatch(e -> e.kind() == BoardEvent.Kind.SLOT && e.text().contains("rolled back")));

            // The next good image goes to the slot the failed one left, and confirms.
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, built.good("demo", 2), false).outcome());
            assertEquals("b", board.status().bootedSlot());
            assertEquals(2, board.status().securityCounter());
        }
    }

    @Test
    void theBoardProcesssLastWordsSayWhyItEnded() throws Exception {
        // the child's `ended` line (the module shut down) is the reason its exit is reported with
        built.trust(dir);
        List<BoardEvent> events = new CopyOnWriteArrayList<>();
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            board.subscribe(events::add);
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, built.stopping("demo", 1), false).outcome());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (events.stream().noneMatch(e -> e.text().startsWith("board process ended"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        List<String> slot = events.stream().filter(e -> e.kind() == BoardEvent.Kind.SLOT).map(BoardEvent::text).toList();
        assertTrue(slot.contains("slot a booted demo sim"), "the child's `booted` line: " + slot);
        assertTrue(slot.stream().anyMatch(t -> t.matches("slot a: the system stopped at \\d+ ms of board time")),
                slot.toString());
        assertTrue(slot.stream().anyMatch(t -> t.matches("board process ended \\(exit 0: the system stopped at \\d+ ms of "
                + "board time\\); watchdog reset: booting the selected slot again in \\d+ ms")), slot.toString());
    }

    @Test
    void aDowngradeNeedsTheOverrideAndIsLoggedWithWhoAsked() throws Exception {
        built.trust(dir);
        List<BoardEvent> events = new CopyOnWriteArrayList<>();
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, built.good("demo", 3), false).outcome());
            board.subscribe(events::add);
            String older = Uploads.upload(board, built.good("demo", 1));
            assertEquals("downgrade", assertThrows(Refusal.class, () -> board.install(older, false, "alice")).code());
            board.install(older, true, "alice");
            // A second install while the first is on trial waits for its verdict.
            assertEquals("busy", assertThrows(Refusal.class, () -> board.install(older, true, "bob")).code());
            assertEquals(Verdict.Outcome.CONFIRMED, board.awaitVerdict(older, Duration.ofSeconds(40)).outcome());
            assertEquals(1, board.status().running().securityCounter());
            assertEquals(3, board.status().securityCounter(), "the stored counter never goes down");
            assertTrue(events.stream().anyMatch(e -> e.kind() == BoardEvent.Kind.SLOT && e.text().contains("downgrade")
                    && e.text().contains("alice")), events.toString());
        }
    }

    @Test
    void theSameImageFlashedAgainGetsTheVerdictOfItsOwnTrial() throws Exception {
        // Both slots then hold it: the earlier copy's GOOD is no answer for the new trial.
        built.trust(dir);
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            Path image = built.good("demo", 2);
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, image, false).outcome());
            String sha = Uploads.upload(board, image);
            board.install(sha, false, "test");
            assertEquals(SlotState.TRIAL, slot(board.status(), "b").state());
            assertEquals(Verdict.Outcome.PENDING, board.awaitVerdict(sha, Duration.ZERO).outcome(),
                    "slot a holds the same image, good; slot b's trial has not ended");
            Verdict v = board.awaitVerdict(sha, Duration.ofSeconds(40));
            assertEquals(Verdict.Outcome.CONFIRMED, v.outcome(), v.reason());
            assertEquals("confirmed good in slot b", v.reason());
            assertEquals("b", board.status().bootedSlot());
        }
    }

    @Test
    void powerOnDuringATrialRevertsIt() throws Exception {
        built.trust(dir);
        String trialSha;
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, built.good("demo", 1), false).outcome());
            // A trial that can never pass, cut by closing the agent.
            trialSha = Uploads.upload(board, built.failing("demo", 1));
            board.install(trialSha, false, "test");
            assertEquals(SlotState.TRIAL, slot(board.status(), "b").state());
        }
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            BoardStatus s = board.status();
            assertEquals("a", s.bootedSlot());
            assertEquals(SlotState.BAD, slot(s, "b").state());
            Verdict v = board.awaitVerdict(trialSha, Duration.ZERO);
            assertEquals(Verdict.Outcome.ROLLED_BACK, v.outcome());
            assertTrue(v.reason().contains("stopped during the trial"), v.reason());
        }
    }

    @Test
    void aSlotThatFailsItsCheckAtPowerOnGivesWayToTheOtherGoodSlot() throws Exception {
        built.trust(dir);
        Path image = built.good("demo", 2);
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, image, false).outcome());
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, image, false).outcome());
            assertEquals("b", board.status().bootedSlot());
        }
        damage(dir.resolve("slots/b/image.oimg"));
        List<BoardEvent> events = new CopyOnWriteArrayList<>();
        try (SlotBoard board = SlotBoard.open(dir, options(), events::add)) {
            BoardStatus s = board.status();
            assertEquals(SlotState.BAD, slot(s, "b").state());
            assertEquals("a", s.bootedSlot(), "slot a holds an image at the board's counter: " + events);
            assertTrue(slot(s, "a").selected());
        }
    }

    @Test
    void aSlotBelowTheCounterIsNotBootedWhenTheNewerOneFailsItsCheck() throws Exception {
        // Corrupting the confirmed update must not roll the board back to the image it superseded.
        built.trust(dir);
        try (SlotBoard board = SlotBoard.open(dir, options())) {
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, built.good("demo", 1), false).outcome());
            assertEquals(Verdict.Outcome.CONFIRMED, flash(board, built.good("demo", 2), false).outcome());
            assertEquals(2, board.status().securityCounter());
        }
        damage(dir.resolve("slots/b/image.oimg"));
        List<BoardEvent> events = new CopyOnWriteArrayList<>();
        try (SlotBoard board = SlotBoard.open(dir, options(), events::add)) {
            BoardStatus s = board.status();
            assertNull(s.bootedSlot(), "nothing boots: " + events);
            assertEquals(SlotState.BAD, slot(s, "b").state());
            assertEquals(SlotState.GOOD, slot(s, "a").state(), "the older image stays as it is");
            assertFalse(slot(s, "a").selected());
            assertEquals(2, s.securityCounter());
            List<String> said = events.stream().map(BoardEvent::text).toList();
            assertTrue(said.stream().anyMatch(t -> t.startsWith("slot a not booted in its place: ")
                    && t.contains("below the board's security counter 2")), said.toString());
            // an image at the counter boots again
            Verdict v = flash(board, built.good("demo", 2), false);
            assertEquals(Verdict.Outcome.CONFIRMED, v.outcome(), v.reason() + " " + events);
        }
    }

    /** Flips a byte in the middle of {@code file}, as a failing flash memory or an attacker with the disk would. */
    private static void damage(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.Agent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.client.StatusSnapshot;
import org.orrery.os.agent.slots.internal.AtomicFiles;
import org.orrery.os.agent.slots.internal.ChildJvm;
import org.orrery.os.image.ImageVerifier;

/**
 * Power loss: an agent in its own JVM ({@link PowerLossWorker}) flashes one image after the other and is
 * killed with -9 at random instants in each phase (upload, install = verify + write + switch, trial, after
 * the confirmation); after every cut the next power on must boot a valid signed image, old or new, and
 * report it truthfully: to the test's reading of its files, and through its agent (TLS) to a client's board
 * registry, as {@code orrery boards list} records it. {@code -Dorrery.powerloss.cuts=N} sets the number of cuts (the
 * {@code power-loss-long} profile runs 1,000).
 */
class PowerLossTest {

    private static final int CUTS = Integer.getInteger("orrery.powerloss.cuts", 100);
    private static final int CONFIRM = 3;
    /** Which phase each cut aims at, and the longest random delay after entering it (ms). */
    private static final String[] TARGETS = {"upload", "install", "trial"};
    /** The trial's range reaches past the confirmation on an idle machine, so some cuts fall after it. */
    private static final int[] MAX_DELAY_MS = {30, 60, 2500};

    @Test
    void everyCutLeavesAValidSignedImageThatBoots(@TempDir Path tmp) throws Exception {
        TestImages images = new TestImages(Files.createDirectories(tmp.resolve("images")));
        Path a = images.good("alpha", 1);
        Path b = images.good("beta", 1);
        Set<String> valid = Set.of(ImageVerifier.declaredDigest(a), ImageVerifier.declaredDigest(b));
        PublicKey key = images.signer.getPublic();
        Path dir = tmp.resolve("board");
        images.trust(dir);
        // Every JVM of the test starts from a class-data archive written by a clean run of it first: kill -9
        // never lets a JVM write one, and start-up is most of a cut's cost.
        try (SlotBoard board = SlotBoard.open(dir, SlotBoardTest.options().withChildJvmOptions(Worker.boardJvm(tmp)))) {
            String sha = Uploads.upload(board, a);
            board.install(sha, false, "seed");
            assertEquals(Verdict.Outcome.CONFIRMED, board.awaitVerdict(sha, Duration.ofSeconds(40)).outcome());
        }
        Worker training = Worker.start(tmp, dir, List.of());
        training.await("booted ", -1);
        training.process.waitFor(60, TimeUnit.SECONDS);
        Registry registry = new Registry(tmp.resolve("home"), dir);
        long seed = Long.getLong("orrery.powerloss.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, Integer> phases = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int resumed = 0;
        String runningBefore = ImageVerifier.declaredDigest(a);
        String installing = null;
        long t0 = System.nanoTime();
        for (int cut = 0; cut <= CUTS; cut++) {
            Worker w = Worker.start(tmp, dir, List.of(a, b));
            try {
                String[] open = w.await("open ", cut).split(" ");
                assertEquals(3, open.length, "cut " + cut + ": nothing boots after the previous cut\n" + w.transcript());
                String slot = open[1];
                String sha = open[2];
                assertTrue(valid.contains(sha), "cut " + cut + ": boots an image that was never flashed: " + sha);
                assertTruthful(dir, slot, sha, key, cut);
                String[] agent = w.await("agent ", cut).split(" ");
                assertEquals("booted " + slot, w.await("booted ", cut), w.transcript());
                registry.assertTruthful(agent[1], agent[2], dir, slot, sha, cut);
                w.go();
                if (cut > 0) {
                    String outcome = sha.equals(runningBefore) ? "old image boots" : sha.equals(installing) ? "new image boots" : "?";
                    outcomes.merge(outcome, 1, Integer::sum);
                }
                if (cut == CUTS) {
                    break;
                }
                int t = cut % TARGETS.length;
                runningBefore = sha;
                installing = valid.stream().filter(s -> !s.equals(sha)).findFirst().orElseThrow();
                w.await("phase " + TARGETS[t], cut);
                Thread.sleep(random.nextInt(MAX_DELAY_MS[t] + 1));
                w.kill();
                phases.merge(w.lastPhase(), 1, Integer::sum);
                resumed += w.saw("resumed ") ? 1 : 0;
            } finally {
                w.kill();
                if (Boolean.getBoolean("orrery.powerloss.verbose")) {
                    System.out.println("cut " + cut + ": " + w.timeline());
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        System.out.println("[agent-board] power loss: " + CUTS + " cuts (kill -9) in " + ms + " ms, seed " + seed
                + "; phase at the cut " + phases + "; next power on: " + outcomes + "; uploads resumed after a cut: " + resumed);
        assertEquals(CUTS, phases.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(CUTS, outcomes.getOrDefault("old image boots", 0) + outcomes.getOrDefault("new image boots", 0), outcomes.toString());
    }

    /** What the board said it boots is what the files say: selected, not in trial, GOOD, hash and signature hold. */
    private static void assertTruthful(Path dir, String slot, String sha, PublicKey key, int cut) throws Exception {
        Map<String, String> boot = AtomicFiles.readProperties(dir.resolve("slots/boot"));
        assertEquals(slot, boot.get("selected"), "cut " + cut + ": " + boot);
        assertEquals("false", boot.get("trial"), "cut " + cut + ": power on reverts a trial: " + boot);
        Map<String, String> state = AtomicFiles.readProperties(dir.resolve("slots").resolve(slot).resolve("state"));
        assertEquals("GOOD", state.get("state"), "cut " + cut + ": " + state);
        assertEquals(sha, state.get("sha256"));
        Path file = dir.resolve("slots").resolve(slot).resolve("image.oimg");
        assertEquals(sha, ImageVerifier.declaredDigest(file), "cut " + cut + ": the slot's file is the image its state names");
        assertNotNull(ImageVerifier.verify(file, key, 0)); // and its bytes are that image, signed
    }

    /**
     * A client of the board with the monitor role and a board registry of its own: after each power on it asks the
     * board's agent for its status over TLS (the board's key pinned, as a registered board's is) and records it as
     * {@code orrery boards list} does; what the registry then holds must be what the board's files say.
     */
    private static final class Registry {
        private final ClientIdentity me;
        private final BoardRegistry boards;

        Registry(Path home, Path board) throws Exception {
            me = ClientIdentity.loadOrCreate(home);
            Agent.authorize(board, me.fingerprint(), Set.of(Role.MONITOR), "power-loss-test");
            boards = new BoardRegistry(home);
        }

        void assertTruthful(String address, String fingerprint, Path dir, String slot, String sha, int cut) throws Exception {
            BoardStatus s;
            try (AgentClient c = AgentClient.connect("board", BoardRegistry.parseAddress(address), fingerprint, me)) {
                s = c.status();
            }
            BoardRegistry.Board known = boards.find("board").orElse(null);
            if (known == null || !known.fingerprint().equals(fingerprint)) {
                if (known != null) {
                    boards.remove("board");
                }
                boards.add(new BoardRegistry.Board("board", address, fingerprint, null, null));
            }
            boards.update(boards.get("board").seen(Instant.now(), StatusSnapshot.of(s)));
            String line = boards.get("board").snapshot();
            assertEquals(StatusSnapshot.of(s), line, "cut " + cut);
            assertEquals(slot, s.bootedSlot(), "cut " + cut + ": " + line);
            assertEquals(sha, s.running().sha256(), "cut " + cut + ": " + line);
            assertTrue(line.contains("running ") && line.contains(sha.substring(0, 12) + " from slot " + slot),
                    "cut " + cut + ": " + line);
            for (SlotInfo info : s.slots()) {
                Map<String, String> state = AtomicFiles.readProperties(dir.resolve("slots").resolve(info.name()).resolve("state"));
                // a slot whose state names no image holds none, whatever else its file says
                String expected = state.containsKey("sha256") ? state.getOrDefault("state", "EMPTY") : "EMPTY";
                assertEquals(expected, info.state().name(),
                        "cut " + cut + ": slot " + info.name() + " in the registry: " + line + "; on the board: " + state);
                assertEquals(state.get("sha256"), info.image() == null ? null : info.image().sha256(),
                        "cut " + cut + ": slot " + info.name() + " in the registry: " + line + "; on the board: " + state);
                assertEquals(info.name().equals(slot), info.selected(), "cut " + cut + ": " + line);
            }
        }
    }

    /** A worker JVM and the lines it printed. */
    private static final class Worker {
        private final Process process;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();
        private final long started = System.nanoTime();
        private final StringBuilder timeline = new StringBuilder();

        private Worker(Process process) {
            this.process = process;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        synchronized (timeline) {
                            timeline.append((System.nanoTime() - started) / 1_000_000L).append("ms ").append(l.split(" ")[0])
                                    .append(l.startsWith("phase") ? " " + l.split(" ")[1] : "").append("; ");
                        }
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    // killed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        static List<String> boardJvm(Path tmp) {
            List<String> jvm = new ArrayList<>(ChildJvm.LIGHT);
            jvm.addAll(List.of("-XX:SharedArchiveFile=" + tmp.resolve("board.jsa"), "-XX:+AutoCreateSharedArchive"));
            return jvm;
        }

        static Worker start(Path tmp, Path dir, List<Path> images) throws Exception {
            String boardCds = String.join(" ", boardJvm(tmp).subList(ChildJvm.LIGHT.size(), ChildJvm.LIGHT.size() + 2));
            List<String> jvm = new ArrayList<>(ChildJvm.LIGHT);
            jvm.addAll(List.of("-XX:SharedArchiveFile=" + tmp.resolve("worker.jsa"), "-XX:+AutoCreateSharedArchive",
                    "-Dorrery.test.childJvm=" + boardCds));
            List<String> args = new ArrayList<>(List.of(dir.toString(), Integer.toString(CONFIRM), "8192"));
            images.forEach(p -> args.add(p.toString()));
            ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(jvm, PowerLossWorker.class, args.toArray(String[]::new)));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            return new Worker(pb.start());
        }

        /** The next line starting with {@code prefix} (earlier lines are kept for the transcript). */
        String await(String prefix, int cut) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l != null) {
                    seen.add(l);
                    if (l.startsWith(prefix)) {
                        return l;
                    }
                }
            }
            long from = (System.nanoTime() - started) / 1_000_000L - 60_000;
            fail("cut " + cut + ": the agent never said '" + prefix + "...' within 60 s (waited from " + from
                    + " ms; lines at: " + timeline() + ")\n" + transcript());
            return null;
        }

        /** Lets the worker go on to the next flash. */
        void go() throws java.io.IOException {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        }

        void kill() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                synchronized (timeline) {
                    timeline.append("killed at ").append((System.nanoTime() - started) / 1_000_000L).append("ms; ");
                }
            }
            lines.drainTo(seen);
        }

        String timeline() {
            synchronized (timeline) {
                return timeline.toString();
            }
        }

        String lastPhase() {
            String phase = "before upload";
            for (String l : seen) {
                if (l.startsWith("phase ")) {
                    phase = l.substring(6).split(" ")[0];
                }
            }
            return phase;
        }

        boolean saw(String prefix) {
            return seen.stream().anyMatch(l -> l.startsWith(prefix));
        }

        /**
         * What the worker printed so far. It takes nothing from the queue: assertion messages are built before the
         * assertion runs, and a line taken here would never reach a later {@link #await} (a flake of 60 s
         * "silences" right after the line before it).
         */
        String transcript() {
            List<String> all = new ArrayList<>(seen);
            all.addAll(lines);
            return String.join("\n", all);
        }
    }
}

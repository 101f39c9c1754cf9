// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.orrery.os.agent.Agent;
import org.orrery.os.agent.AgentServer;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.Verdict;

/**
 * The agent of the power-loss test, in a JVM of its own that the test kills with -9: powers the board on
 * (recovery, revert, boot), says what booted, then flashes whichever of the two images does not run and
 * reports each phase as it enters it. Lines on stdout:
 * <pre>
 * open SLOT SHA | open none     after power on: what the board selected and boots
 * agent HOST:PORT FINGERPRINT   the board's agent (TLS, the board folder's identity) serves it there
 * booted SLOT                   the boot child verified that slot's image and started the board
 * phase upload|install|switched|trial|confirmed|rolled-back
 * resumed OFFSET                the upload continued one a cut interrupted
 * event TEXT                    any other slot event (for the transcript)
 * </pre>
 * After "booted" it waits for a line on stdin before it flashes.
 * Usage: {@code PowerLossWorker DIR CONFIRM_FRAMES CHUNK IMAGE...}; without images it powers on, waits for the
 * boot and exits normally (a training run that lets the JVMs write their class-data archives).
 */
public final class PowerLossWorker {

    private PowerLossWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int confirm = Integer.parseInt(args[1]);
        int chunk = Integer.parseInt(args[2]);
        List<Path> images = Arrays.stream(args).skip(3).map(Path::of).toList();
        SlotBoardOptions options = SlotBoardOptions.defaults("sim").withConfirmFrames(confirm)
                .withTrialTimeout(Duration.ofSeconds(30)).withChildJvmOptions(jvmOptions());
        Object out = new Object();
        java.util.concurrent.CountDownLatch booted = new java.util.concurrent.CountDownLatch(1);
        // The listener is in before power on: the boot child can report before the agent has started (a cold JVM's
        // TLS set-up), and a listener subscribed after power on missed it (a 60 s wait in a run). "booted" is still
        // said after "open" and "agent" (kept until then, never waited for: the board's lock is held here).
        String[] bootedBeforeAnnounced = {null};
        boolean[] announced = {false};
        Consumer<BoardEvent> events = e -> {
            if (e.kind() != BoardEvent.Kind.SLOT) {
                return;
            }
            if (e.text().contains(" booted ")) {
                synchronized (out) {
                    if (announced[0]) {
                        say(out, "booted " + e.text().split(" ")[1]);
                    } else {
                        bootedBeforeAnnounced[0] = e.text().split(" ")[1];
                    }
                }
                booted.countDown();
            } else if (e.text().contains(" on trial ")) {
                say(out, "phase switched");
            } else if (e.text().contains("(trial)")) {
                say(out, "phase trial");
            } else {
                say(out, "event " + e.text()); // for the test's transcript: repairs, refusals, the child's last words
            }
        };
        try (SlotBoard board = SlotBoard.open(dir, options, events);
                AgentServer agent = Agent.start(dir, new InetSocketAddress("127.0.0.1", 0), board,
                        new PrintStream(OutputStream.nullOutputStream()))) {
            BoardStatus s = board.status();
            String running = s.running() == null ? null : s.running().sha256();
            synchronized (out) {
                say(out, s.bootedSlot() == null ? "open none" : "open " + s.bootedSlot() + " " + running);
                say(out, "agent 127.0.0.1:" + agent.address().getPort() + " " + agent.fingerprint());
                announced[0] = true;
                if (bootedBeforeAnnounced[0] != null) {
                    say(out, "booted " + bootedBeforeAnnounced[0]);
                }
            }
            // The old image proves it boots before the next flash begins (the test checks each power on).
            booted.await(60, java.util.concurrent.TimeUnit.SECONDS);
            if (images.isEmpty()) {
                // A training run: ends normally so the class-data archives get written.
                return;
            }
            // The test looks at the powered-on board (its files, its agent) before the next flash changes it.
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
            for (Path image : images) {
                byte[] bytes = Files.readAllBytes(image);
                String sha = Uploads.digest(bytes);
                if (sha.equals(running)) {
                    continue;
                }
                say(out, "phase upload");
                long at = board.beginUpload(sha, bytes.length);
                if (at > 0) {
                    say(out, "resumed " + at);
                }
                for (; at < bytes.length; at += chunk) {
                    board.writeChunk(sha, at, Arrays.copyOfRange(bytes, (int) at, (int) Math.min(bytes.length, at + chunk)));
                }
                say(out, "phase install");
                board.install(sha, false, "power-loss-test");
                Verdict v = board.awaitVerdict(sha, Duration.ofSeconds(60));
                say(out, "phase " + (v.outcome() == Verdict.Outcome.CONFIRMED ? "confirmed" : "rolled-back " + v.reason()));
                break;
            }
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(0);
    }

    static List<String> jvmOptions() {
        String extra = System.getProperty("orrery.test.childJvm", "");
        List<String> opts = new java.util.ArrayList<>(org.orrery.os.agent.slots.internal.ChildJvm.LIGHT);
        if (!extra.isBlank()) {
            opts.addAll(List.of(extra.split(" ")));
        }
        return opts;
    }

    private static void say(Object lock, String line) {
        synchronized (lock) {
            System.out.println(line);
            System.out.flush();
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.FlashListener;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.os.agent.client.BoardRegistry.Board;
import org.orrery.os.agent.client.OrreryHome;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.core.SystemImages;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.FlashConfigurations;
import org.orrery.studio.targets.FlashJob;
import org.orrery.studio.targets.FollowJob;
import org.orrery.studio.targets.FlashLaunch;
import org.orrery.studio.targets.testing.FlashResults;
import org.orrery.studio.targets.testing.TestAgent;

/** The Boards model and the Flash to board launch against a real agent on loopback, without a workbench. */
class FlashToBoardTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static int projects;

    private final BoardsModel model = BoardsModel.ofUser();
    private TestAgent agent;
    private IProject project;

    @TempDir
    Path boardDir;
    @TempDir
    Path scratch;

    @BeforeAll
    static void buildOnlyWhenAsked() throws Exception {
        IWorkspaceDescription d = ResourcesPlugin.getWorkspace().getDescription();
        d.setAutoBuilding(false); // the launch must build the image itself
        ResourcesPlugin.getWorkspace().setDescription(d);
    }

    @BeforeEach
    void start() throws Exception {
        for (BoardRow r : model.rows()) {
            model.remove(r.name()); // left over by an interrupted run
        }
        agent = TestAgent.startSlotBoard(boardDir, signerKey(), 5, model.identity());
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("fc-flash-" + ++projects);
        project.create(null);
        project.open(null);
        Examples.copyTo("flight-control", project, null);
        OrreryCore.addNature(project, null);
    }

    @AfterEach
    void stop() throws Exception {
        Job.getJobManager().cancel(FlashJob.FAMILY);
        Job.getJobManager().join(FlashJob.FAMILY, null);
        agent.close();
        for (BoardRow r : model.rows()) {
            model.remove(r.name());
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(manager.getLaunchConfigurationType(FlashLaunch.TYPE_ID))) {
            c.delete();
        }
        project.delete(true, true, null);
    }

    @Test
    void addingABoardRemembersTheKeyItPresentedInTheUsersRegistry() throws Exception {
        String fingerprint = model.probe("bench", agent.address());
        assertEquals(agent.fingerprint(), fingerprint);

        BoardRow row = model.add("bench", agent.address(), fingerprint);

        assertTrue(row.online(), "first contact: " + row.problem());
        assertEquals(List.of("a", "b"), row.status().slots().stream().map(SlotInfo::name).toList());
        assertTrue(row.status().slots().stream().allMatch(s -> s.state() == SlotState.EMPTY), row.status().toString());
        // The CLI reads the same file: the board, its key and when Studio saw it.
        Board b = new BoardRegistry(OrreryHome.dir()).get("bench");
        assertEquals(agent.address(), b.address());
        assertEquals(fingerprint, b.fingerprint());
        assertNotNull(b.lastSeen());
        assertTrue(b.snapshot().contains("a=empty"), b.snapshot());
    }

    @Test
    void flashLaunchBuildsTheProjectAndEndsWhenTheBoardConfirmsTheImageGood() throws Exception {
        model.add("bench", agent.address(), agent.fingerprint());
        ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(FlashLaunch.TYPE_ID).newInstance(null, "fc-to-bench");
        wc.setAttribute(FlashLaunch.ATTR_PROJECT, project.getName());
        wc.setAttribute(FlashLaunch.ATTR_BOARD, "bench");

        IStatus result;
        try (FlashResults results = new FlashResults()) {
            wc.doSave().launch(ILaunchManager.RUN_MODE, null);
            await(() -> !results.results().isEmpty(), "the flash job to end");
            result = results.results().get(0);
        }

        assertTrue(result.isOK(), result.getMessage());
        assertTrue(result.getMessage().contains("confirmed good"), result.getMessage());
        Path image = SystemImages.image(project.getFile("system.orrery")).getLocation().toPath();
        BoardStatus s = model.row("bench").status();
        SlotInfo booted = s.slots().stream().filter(SlotInfo::selected).findFirst().orElseThrow();
        assertEquals(booted.name(), s.bootedSlot(), s.toString());
        assertEquals(SlotState.GOOD, booted.state());
        assertEquals("flight_control", booted.image().system());
        assertEquals(digest(image), booted.image().sha256(), "the board runs the image the builder wrote");
        assertEquals(booted.image(), s.running());
    }

    @Test
    void aTamperedImageIsRefusedWithTheBoardsReasonAndTheSlotsStayAsTheyWere() throws Exception {
        model.add("bench", agent.address(), agent.fingerprint());
        Path tampered = builtImageCopy();
        byte[] bytes = Files.readAllBytes(tampered);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(tampered, bytes);

        FlashJob job = new FlashJob(model, "bench", tampered);
        job.schedule();
        job.join(TIMEOUT.toMillis(), null);

        IStatus result = job.getResult();
        assertNotNull(result, "the flash ended");
        assertEquals(IStatus.ERROR, result.getSeverity(), result.getMessage());
        assertTrue(result.getMessage().startsWith("board bench refused INSTALL ("), result.getMessage());
        assertTrue(model.row("bench").status().slots().stream().allMatch(x -> x.state() == SlotState.EMPTY),
                "nothing was installed: " + model.row("bench").status());
    }

    @Test
    void aBoardThatDoesNotTrustStudiosKeyRefusesAndTheErrorSaysHowToTrustIt(@TempDir Path otherDir,
            @TempDir Path otherKey) throws Exception {
        org.orrery.os.image.SigningKeys.writePair(org.orrery.os.image.SigningKeys.generate(), otherKey);
        try (TestAgent other = TestAgent.startSlotBoard(otherDir,
                otherKey.resolve(org.orrery.os.image.SigningKeys.PUBLIC_FILE), 5, model.identity())) {
            model.add("stranger", other.address(), other.fingerprint());
            FlashJob job = new FlashJob(model, "stranger", builtImageCopy());
            job.schedule();
            job.join(TIMEOUT.toMillis(), null);

            IStatus result = job.getResult();
            assertNotNull(result, "the flash ended");
            assertEquals(IStatus.ERROR, result.getSeverity(), result.getMessage());
            assertTrue(result.getMessage().startsWith("board stranger refused INSTALL ("), result.getMessage());
            assertTrue(result.getMessage().contains("--signer " + signerKey()), result.getMessage());
            assertTrue(model.row("stranger").status().slots().stream().allMatch(x -> x.state() == SlotState.EMPTY),
                    "nothing was installed: " + model.row("stranger").status());
        }
    }

    @Test
    void cancelDuringTheTrialEndsTheFlashAtOnce(@TempDir Path slowDir) throws Exception {
        // 10,000 healthy frames of 50 ms: the trial outlasts the test, which cancels it
        try (TestAgent slow = TestAgent.startSlotBoard(slowDir, signerKey(), 10_000, model.identity())) {
            model.add("slow", slow.address(), slow.fingerprint());
            FlashJob job = new FlashJob(model, "slow", builtImageCopy());
            job.schedule();
            await(() -> onTrial("slow"), "the image to boot on trial");

            long t0 = System.nanoTime();
            job.cancel();
            job.join(TIMEOUT.toMillis(), null);

            assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().getMessage());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5_000, "cancel took " + ms + " ms");
        }
    }

    @Test
    void aBoardPresentingAnotherKeyIsRefusedAndSaysSo() throws Exception {
        // The registry pins a key the board does not have (reinstalled board, or someone in between).
        BoardRow row = model.add("moved", agent.address(), model.identity().fingerprint());

        assertTrue(!row.online() && row.problem().contains("presented key " + agent.fingerprint()), row.problem());
    }

    @Test
    void theRowFollowsTheBoardsEventStreamWithoutAnyPoll() throws Exception {
        model.add("bench", agent.address(), agent.fingerprint());
        model.follow("bench");
        assertTrue(model.live("bench"), model.row("bench").problem());
        Path image = builtImageCopy();
        List<SlotState> shown = new CopyOnWriteArrayList<>();
        Runnable listener = () -> selectedSlot("bench").ifPresent(x -> shown.add(x.state()));
        model.addListener(listener);
        try {
            // Flashed by a session of its own, as the CLI would: only the event stream can tell the model.
            try (AgentClient c = model.connect("bench")) {
                Verdict v = c.flash(image, false, FlashListener.NONE, () -> false, TIMEOUT);
                assertEquals(Verdict.Outcome.CONFIRMED, v.outcome(), String.valueOf(v.reason()));
            }
            await(() -> selectedSlot("bench").filter(x -> x.state() == SlotState.GOOD).isPresent(),
                    "the row to show the image confirmed good");
            assertTrue(shown.contains(SlotState.TRIAL), "the trial showed on the way: " + shown);
            assertEquals(digest(image), selectedSlot("bench").orElseThrow().image().sha256());
            assertTrue(model.live("bench"));
        } finally {
            model.removeListener(listener);
        }
    }

    @Test
    void whenTheStreamDropsTheBoardIsNoLongerLiveAndThePollReportsIt() throws Exception {
        model.add("bench", agent.address(), agent.fingerprint());
        model.follow("bench");
        assertTrue(model.live("bench"));

        agent.close();
        await(() -> !model.live("bench"), "the stream to drop with the agent");
        FollowJob poll = new FollowJob(model);
        poll.schedule();
        poll.join(TIMEOUT.toMillis(), null);

        BoardRow row = model.row("bench");
        assertTrue(!model.live("bench") && !row.online(), "the board is gone: " + row);
        assertTrue(row.problem().contains("unreachable"), row.problem());
    }

    @Test
    void renameMovesTheBoardInTheRegistryTheCliReadsAndItsStreamFollows() throws Exception {
        model.add("bench", agent.address(), agent.fingerprint());
        model.follow("bench");

        model.rename("bench", "lab-3");

        BoardRegistry cli = new BoardRegistry(OrreryHome.dir());
        assertTrue(cli.find("bench").isEmpty());
        assertEquals(agent.fingerprint(), cli.get("lab-3").fingerprint());
        assertTrue(!model.live("bench"));
        new FollowJob(model).schedule();
        await(() -> model.live("lab-3"), "the stream under the new name");
        assertTrue(model.row("lab-3").online(), model.row("lab-3").problem());
    }

    @Test
    void runAsAsksForTheBoardOnlyWhileNoneIsRememberedThatTheRegistryStillHas() throws Exception {
        org.eclipse.core.resources.IFile system = project.getFile("system.orrery");
        List<String> two = List.of("bench", "lab-3");
        assertEquals(null, FlashConfigurations.board(FlashConfigurations.find(system), two), "several boards: ask");
        assertEquals("bench", FlashConfigurations.board(null, List.of("bench")), "the only board");

        ILaunchConfiguration saved = FlashConfigurations.remember(system, null, "lab-3");

        assertEquals(saved, FlashConfigurations.find(system));
        assertEquals("lab-3", FlashConfigurations.board(FlashConfigurations.find(system), two), "remembered");
        assertEquals("system.orrery", saved.getAttribute(FlashLaunch.ATTR_SYSTEM_FILE, ""));
        assertEquals(project.getName(), saved.getAttribute(FlashLaunch.ATTR_PROJECT, ""));
        assertEquals(null, FlashConfigurations.board(saved, List.of("bench", "other")), "its board is gone: ask again");
        assertEquals(null, FlashConfigurations.find(project), "the project's own configuration is another one");
        assertEquals(saved, FlashConfigurations.remember(system, saved, "lab-3"), "unchanged: not saved again");
        assertEquals("bench", FlashConfigurations.remember(system, saved, "bench").getAttribute(FlashLaunch.ATTR_BOARD, ""));
    }

    private java.util.Optional<SlotInfo> selectedSlot(String board) {
        try {
            BoardStatus s = model.row(board).status();
            return s == null ? java.util.Optional.empty() : s.slots().stream().filter(SlotInfo::selected).findFirst();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean onTrial(String board) {
        try {
            BoardStatus s = model.row(board).status();
            return s != null && s.slots().stream().anyMatch(x -> x.state() == SlotState.TRIAL);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The workspace's development key, which Studio signs images with, for the board's trusted signers. */
    private static Path signerKey() throws java.io.IOException {
        DevelopmentKeys.publicKey(); // created on first use
        return DevelopmentKeys.directory().resolve(org.orrery.os.image.SigningKeys.PUBLIC_FILE);
    }

    private Path builtImageCopy() throws Exception {
        project.build(IncrementalProjectBuilder.FULL_BUILD, OrreryCore.BUILDER_ID, null, null);
        Path image = SystemImages.image(project.getFile("system.orrery")).getLocation().toPath();
        Path copy = scratch.resolve(image.getFileName());
        Files.copy(image, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** Boards name an image by the digest it declares (and its signature covers). */
    private static String digest(Path f) throws Exception {
        return org.orrery.os.image.ImageVerifier.declaredDigest(f);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

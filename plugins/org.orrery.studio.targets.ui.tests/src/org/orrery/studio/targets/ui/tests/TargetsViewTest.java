// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.Agent;
import org.orrery.os.agent.Role;
import org.orrery.os.image.SigningKeys;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.ControlJob;
import org.orrery.studio.targets.FlashJob;
import org.orrery.studio.targets.FlashLaunch;
import org.orrery.studio.targets.TargetsModel;
import org.orrery.studio.targets.testing.FlashResults;
import org.orrery.studio.targets.testing.TestAgent;
import org.orrery.studio.targets.ui.TargetsView;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;

/**
 * The Targets view on a real agent's board running flight-control: its partitions appear with their modes and CPU
 * use; Stop and Start from the context menu run as jobs through the agent, and the partition's mode follows.
 */
class TargetsViewTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int NAME = 0;
    private static final int MODE = 1;
    private static final int CPU = 2;

    private final BoardsModel boards = BoardsModel.ofUser();
    private TestAgent agent;
    private IProject project;

    @TempDir
    Path boardDir;

    @AfterEach
    void cleanUp() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        if (page.findView(TargetsView.ID) != null) {
            page.hideView(page.findView(TargetsView.ID));
        }
        TargetsModel.ofUser().unwatchAll();
        Job.getJobManager().cancel(FlashJob.FAMILY);
        Job.getJobManager().join(FlashJob.FAMILY, null);
        if (agent != null) {
            agent.close();
        }
        for (BoardRow r : boards.rows()) {
            boards.remove(r.name());
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(manager.getLaunchConfigurationType(FlashLaunch.TYPE_ID))) {
            c.delete();
        }
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void aRunningBoardsPartitionsShowAndOneStopsAndStartsFromTheContextMenu() throws Exception {
        DevelopmentKeys.publicKey();
        agent = TestAgent.startSlotBoard(boardDir, DevelopmentKeys.directory().resolve(SigningKeys.PUBLIC_FILE), 3,
                boards.identity());
        Agent.authorize(boardDir, boards.identity().fingerprint(), Set.of(Role.FLASH, Role.MONITOR, Role.OPERATE),
                "studio-test");
        boards.remember("bench", agent.address(), agent.fingerprint());
        flashFlightControl();

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TargetsView view = (TargetsView) page.showView(TargetsView.ID);
        TreeItem display = await(view, "display", i -> i.getText(MODE).equals("NORMAL") && !i.getText(CPU).isEmpty(),
                "display NORMAL with its CPU use");
        assertTrue(display.getText(CPU).matches("\\d+\\.\\d\\d of \\d+\\.\\d\\d ms \\(.*%\\)"), display.getText(CPU));
        for (String p : List.of("fcs", "nav", "datalink", "maint")) {
            await(view, p, i -> i.getText(MODE).equals("NORMAL"), p + " NORMAL");
        }

        try (Results results = new Results()) {
            menu(view, "display", "Stop");
            await(view, "display", i -> i.getText(MODE).equals("IDLE"), "display IDLE");
            Widgets.waitUntil(() -> results.all.size() == 1, TIMEOUT, "the stop job to end");
            assertEquals("Board bench: display IDLE", results.all.get(0).getMessage());
            assertTrue(results.all.get(0).isOK());
            // the neighbours keep running
            await(view, "nav", i -> i.getText(MODE).equals("NORMAL"), "nav still NORMAL");
            page.toggleZoom(page.getReference(view));
            Widgets.flushEvents();
            Screenshots.save(view.tree().getShell(), Path.of(System.getProperty("orrery.screenshots",
                    "target/screenshots")).resolve("orrery-targets-display-idle.png"));
            page.toggleZoom(page.getReference(view));

            menu(view, "display", "Start");
            await(view, "display", i -> i.getText(MODE).equals("NORMAL"), "display NORMAL again");
            Widgets.waitUntil(() -> results.all.size() == 2, TIMEOUT, "the start job to end");
            assertEquals("Board bench: display COLD_START", results.all.get(1).getMessage());
        }
        view.tree().setSelection(find(view, "display").orElseThrow());
        view.tree().notifyListeners(SWT.Selection, new Event());
        Widgets.flushEvents();
        assertTrue(view.details().getText().startsWith("Partition display on board bench: NORMAL"),
                view.details().getText());
    }

    /** The Flash to board launch, as a user runs it, until the board confirms flight-control good. */
    private void flashFlightControl() throws Exception {
        project = Projects.plain("fc-targets");
        Examples.copyTo("flight-control", project, null);
        OrreryCore.addNature(project, null);
        ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(FlashLaunch.TYPE_ID).newInstance(null, "fc-to-bench-targets");
        wc.setAttribute(FlashLaunch.ATTR_PROJECT, project.getName());
        wc.setAttribute(FlashLaunch.ATTR_BOARD, "bench");
        try (FlashResults results = new FlashResults()) {
            wc.doSave().launch(ILaunchManager.RUN_MODE, null);
            Widgets.waitUntil(() -> !results.results().isEmpty(), Duration.ofSeconds(120), "the flash to end");
            IStatus r = results.results().get(0);
            assertTrue(r.isOK(), r.getMessage());
        }
    }

    /** Opens the partition's context menu and chooses {@code label}. */
    private static void menu(TargetsView view, String partition, String label) {
        TreeItem item = find(view, partition).orElseThrow();
        view.tree().setSelection(item);
        view.tree().notifyListeners(SWT.Selection, new Event());
        Menu menu = view.tree().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        MenuItem choice = Arrays.stream(menu.getItems()).filter(m -> m.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in " + Arrays.stream(menu.getItems())
                        .map(MenuItem::getText).toList()));
        assertTrue(choice.isEnabled(), label + " is enabled");
        choice.notifyListeners(SWT.Selection, new Event());
        menu.notifyListeners(SWT.Hide, new Event());
        Widgets.flushEvents();
    }

    private static TreeItem await(TargetsView view, String partition, java.util.function.Predicate<TreeItem> wanted,
            String what) {
        Widgets.waitUntil(() -> find(view, partition).filter(wanted).isPresent(), TIMEOUT,
                what + " (tree: " + describe(view) + ")");
        return find(view, partition).orElseThrow();
    }

    private static Optional<TreeItem> find(TargetsView view, String partition) {
        return Arrays.stream(view.tree().getItems()).flatMap(b -> Arrays.stream(b.getItems()))
                .filter(i -> i.getText(NAME).equals(partition)).findFirst();
    }

    private static String describe(TargetsView view) {
        return Arrays.stream(view.tree().getItems())
                .map(b -> b.getText(NAME) + " " + b.getText(MODE) + " " + Arrays.stream(b.getItems())
                        .map(i -> i.getText(NAME) + "=" + i.getText(MODE) + "/" + i.getText(CPU)).toList())
                .toList().toString();
    }

    /** The results of the control jobs that end while it is open. */
    private static final class Results extends JobChangeAdapter implements AutoCloseable {
        final List<IStatus> all = new CopyOnWriteArrayList<>();

        Results() {
            Job.getJobManager().addJobChangeListener(this);
        }

        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob().belongsTo(ControlJob.FAMILY)) {
                all.add(event.getResult());
            }
        }

        @Override
        public void close() {
            Job.getJobManager().removeJobChangeListener(this);
        }
    }
}

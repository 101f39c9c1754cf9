// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.TextConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orrery.os.config.ConfigFormat;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.launch.SimulatorLaunch;
import org.orrery.studio.launch.ui.internal.SimulatorLaunchShortcut;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;
import org.orrery.studio.trace.ui.TimelineView;
import org.orrery.trace.analysis.TimelineModel;

/** Run As → Orrery Simulator on flight-control: console output, a CTF trace, and the Timeline filled. */
class SimulatorLaunchTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    private IProject project;

    @AfterEach
    void cleanUp() throws Exception {
        // Later tests expect the Timeline view as a fresh perspective shows it, not with this run's trace.
        Widgets.flushEvents();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        if (page.findView(TimelineView.ID) != null) {
            page.hideView(page.findView(TimelineView.ID));
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch l : manager.getLaunches()) {
            if (!l.isTerminated()) {
                l.terminate();
            }
            manager.removeLaunch(l);
        }
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(
                manager.getLaunchConfigurationType(SimulatorLaunch.TYPE_ID))) {
            c.delete();
        }
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void launchingFlightControlFillsTheTimelineAndTheConsole() throws Exception {
        project = fromExample("flight-control", "fc-launch");
        IFile system = project.getFile("system.orrery");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TimelineView view = (TimelineView) page.showView(TimelineView.ID);
        TimelineModel before = view.model();

        new SimulatorLaunchShortcut().launch(new StructuredSelection(system), ILaunchManager.RUN_MODE);

        Widgets.waitUntil(() -> view.model() != null && view.model() != before, RUN_TIMEOUT,
                "the finished run's trace to open in the Orrery Timeline");
        TimelineModel t = view.model();
        assertEquals("flight_control", t.config().name());
        assertEquals(2, t.cores(), "one lane per core");
        for (int core = 0; core < t.cores(); core++) {
            int windows = t.lane(core).windows().size();
            assertTrue(windows > 100, "core " + core + " ran its windows: " + windows);
        }
        assertTrue(t.conforms(), "the run follows its configured schedule: " + t.deviations());
        assertEquals(10_000_000_000L, t.endNs() - t.startNs(), 100_000_000L, "ten seconds of board time");

        Path trace = project.getLocation().toPath().resolve("build/flight_control-trace");
        assertTrue(Files.exists(trace.resolve(ConfigFormat.TRACE_COMPANION_FILE)), "trace folder " + trace);
        assertTrue(project.getFolder("build/flight_control-trace").exists(), "and visible in the workspace");

        String console = consoleText("flight_control");
        assertTrue(console.contains("--- schedule summary (sim board, flight_control) ---"), console);
        assertTrue(console.contains("overruns 0"), console);
        assertTrue(console.contains("] nav: "), "partition output reaches the console:\n" + console);

        // The console comes to the front on output (asynchronously): let it, then take both pictures.
        Widgets.flushEvents();
        IViewPart consoleView = page.showView(IConsoleConstants.ID_CONSOLE_VIEW);
        page.toggleZoom(page.getReference(consoleView));
        Widgets.flushEvents();
        Screenshots.save(view.canvas().getShell(), screenshots().resolve("orrery-simulator-console.png"));
        page.toggleZoom(page.getReference(consoleView));
        // The console may still take the front once more for late output: bring the Timeline back until it stays.
        Widgets.waitUntil(() -> {
            page.activate(view);
            Widgets.flushEvents();
            return view.canvas().isVisible();
        }, Duration.ofSeconds(10), "the Timeline in front");
        view.canvas().fit();
        page.toggleZoom(page.getReference(view));
        Widgets.flushEvents();
        Screenshots.save(view.canvas().getShell(), screenshots().resolve("orrery-timeline-after-launch.png"));
        page.toggleZoom(page.getReference(view));
    }

    @Test
    void terminateStopsALongRunAndKeepsItsTrace() throws Exception {
        project = fromExample("flight-control", "fc-terminate");
        IFile system = project.getFile("system.orrery");
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy wc = manager.getLaunchConfigurationType(SimulatorLaunch.TYPE_ID)
                .newInstance(null, "fc-terminate");
        wc.setAttribute(SimulatorLaunch.ATTR_PROJECT, project.getName());
        wc.setAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, system.getProjectRelativePath().toString());
        wc.setAttribute(SimulatorLaunch.ATTR_DURATION_MS, 3_600_000); // an hour of board time
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        TimelineView view = (TimelineView) page.showView(TimelineView.ID);
        TimelineModel before = view.model();
        ILaunch launch = wc.doSave().launch(ILaunchManager.RUN_MODE, null);
        assertEquals(1, launch.getProcesses().length);
        Widgets.waitUntil(() -> consoleText("flight_control").contains("] nav: "), RUN_TIMEOUT,
                "the partitions to start printing");

        assertTrue(launch.canTerminate());
        launch.terminate();
        Widgets.waitUntil(launch::isTerminated, Duration.ofSeconds(30), "Terminate to end the run");
        assertNotNull(launch.getAttribute(SimulatorLaunch.TRACE_FOLDER), "the run wrote its trace");
        Widgets.waitUntil(() -> consoleText("flight_control").contains("stopped on request at "), Duration.ofSeconds(10),
                "the console to say the run was terminated");
        Widgets.waitUntil(() -> view.model() != before, RUN_TIMEOUT, "the partial trace to open in the Timeline");
        assertTrue(view.model().endNs() < 3_600_000_000_000L, "the run ended early: " + view.model().endNs());
    }

    /**
     * {@code example} in a new project with the Orrery nature, built by the auto-build as a user's project is. The
     * shared test support stays free of the Studio's core, so the two lines that need it live here.
     */
    private static IProject fromExample(String example, String name) throws CoreException {
        IProject project = Projects.plain(name);
        Examples.copyTo(example, project, null);
        OrreryCore.addNature(project, null);
        return project;
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }

    /** Text of the newest process console of a simulator run of {@code system}, or "" if there is none yet. */
    private static String consoleText(String system) {
        IConsole[] consoles = ConsolePlugin.getDefault().getConsoleManager().getConsoles();
        return Arrays.stream(consoles).filter(c -> c instanceof TextConsole && c.getName().contains(system))
                .reduce((a, b) -> b).map(c -> ((TextConsole) c).getDocument().get()).orElse("");
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.launch.SimulatorLaunch;

/** The "Orrery Simulator" launch delegate, driven through the debug core without a workbench. */
class SimulatorLaunchDelegateTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static int projects;

    private IProject project;

    @BeforeAll
    static void buildOnlyWhenAsked() throws Exception {
        IWorkspaceDescription d = ResourcesPlugin.getWorkspace().getDescription();
        d.setAutoBuilding(false); // the launch must build the image itself
        ResourcesPlugin.getWorkspace().setDescription(d);
    }

    @BeforeEach
    void createProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("fc-launch-" + ++projects);
        project.create(null);
        project.open(null);
        Examples.copyTo("flight-control", project, null);
        OrreryCore.addNature(project, null);
    }

    @AfterEach
    void deleteProject() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch l : manager.getLaunches()) {
            if (!l.isTerminated()) {
                l.terminate();
            }
            manager.removeLaunch(l);
        }
        project.delete(true, true, null);
    }

    @Test
    void buildsBootsPrintsAndTracesTheSystem() throws Exception {
        ILaunch launch = configuration(500).launch(ILaunchManager.RUN_MODE, null);
        IProcess process = launch.getProcesses()[0];
        await(launch::isTerminated, "the run to end", process);
        // The console reader may still be draining the last lines when the process is reported terminated.
        await(() -> output(process).contains("trace: "), "the last console line", process);

        assertEquals(0, process.getExitValue());
        String out = process.getStreamsProxy().getOutputStreamMonitor().getContents();
        assertTrue(out.contains("--- schedule summary (sim board, flight_control) ---"), out);
        assertTrue(out.contains("time 0.500000000 s, windows 70, overruns 0, deadline misses 0, HM events 0"), out);
        assertTrue(out.contains("] nav: navigation up"), "partition output is the process output:\n" + out);
        assertEquals("", process.getStreamsProxy().getErrorStreamMonitor().getContents());

        assertTrue(project.getFile("build/flight_control.oimg").exists(), "the launch built the image");
        Path trace = Path.of(launch.getAttribute(SimulatorLaunch.TRACE_FOLDER));
        assertEquals(project.getLocation().toPath().resolve("build/flight_control-trace"), trace);
        assertTrue(Files.exists(trace.resolve(ConfigFormat.TRACE_COMPANION_FILE)));
        long events = CtfReader.read(trace).eventCount();
        assertTrue(out.contains("trace: " + events + " events in " + trace), "the console counts what was written:\n" + out);
        assertTrue(project.getFolder("build/flight_control-trace").exists(), "the trace is refreshed into the workspace");
    }

    @Test
    void terminateEndsALongRunEarly() throws Exception {
        ILaunch launch = configuration(3_600_000).launch(ILaunchManager.RUN_MODE, null);
        IProcess process = launch.getProcesses()[0];
        await(() -> output(process).contains("] nav: "), "the partitions to start", process);
        process.terminate();
        await(launch::isTerminated, "Terminate to end the run", process);
        await(() -> output(process).contains("trace: "), "the last console line", process);
        String out = process.getStreamsProxy().getOutputStreamMonitor().getContents();
        assertTrue(out.contains("stopped on request at "), out);
        assertNotNull(launch.getAttribute(SimulatorLaunch.TRACE_FOLDER));
    }

    @Test
    void refusesASystemWithErrors() throws Exception {
        IFile system = project.getFile("system.orrery");
        String text = new String(system.getContents().readAllBytes(), StandardCharsets.UTF_8);
        system.setContents(new ByteArrayInputStream(text.replace("window maint at 40 ms duration 5 ms",
                "window maint at 40 ms duration 15 ms").getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
        CoreException e = assertThrows(CoreException.class,
                () -> configuration(500).launch(ILaunchManager.RUN_MODE, null));
        assertTrue(e.getMessage().contains("has errors"), e.getMessage());
    }

    private static String output(IProcess process) {
        return process.getStreamsProxy().getOutputStreamMonitor().getContents();
    }

    private ILaunchConfigurationWorkingCopy configuration(int durationMs) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy wc = manager.getLaunchConfigurationType(SimulatorLaunch.TYPE_ID)
                .newInstance(null, project.getName());
        wc.setAttribute(SimulatorLaunch.ATTR_PROJECT, project.getName());
        wc.setAttribute(SimulatorLaunch.ATTR_SYSTEM_FILE, "system.orrery");
        wc.setAttribute(SimulatorLaunch.ATTR_DURATION_MS, durationMs);
        return wc;
    }

    private static void await(BooleanSupplier condition, String what, IProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; output:\n" + output(process)
                        + "\nerrors:\n" + process.getStreamsProxy().getErrorStreamMonitor().getContents());
            }
            Thread.sleep(20);
        }
    }
}

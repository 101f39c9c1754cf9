// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.debug.core.IJavaBreakpoint;
import org.eclipse.jdt.debug.core.IJavaClassType;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaMethodBreakpoint;
import org.eclipse.jdt.debug.core.IJavaPrimitiveValue;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.Role;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.targets.AttachLaunch;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.testing.DebuggeeProcess;
import org.orrery.studio.targets.testing.TestAgent;

/**
 * Attach to Orrery Partition against a real agent on loopback whose board reaches the partition's JVM (a real JVM
 * with JDWP on 127.0.0.1) through the agent's authenticated debug tunnel: JDT's own debug target, breakpoints,
 * variables and source lookup, without a workbench.
 */
class AttachToPartitionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TYPE = "org.orrery.studio.targets.testing.Debuggee";
    private static final String PARTITION = "ticker";
    private static final Pattern TUNNEL_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    private static int projects;

    private final BoardsModel model = BoardsModel.ofUser();
    private DebuggeeProcess debuggee;
    private TestAgent agent;
    private IProject project;
    private IFile source;

    @TempDir
    Path boardDir;

    @BeforeAll
    static void noAutoBuild() throws Exception {
        IWorkspaceDescription d = ResourcesPlugin.getWorkspace().getDescription();
        d.setAutoBuilding(false); // nothing here to build
        ResourcesPlugin.getWorkspace().setDescription(d);
    }

    @BeforeEach
    void start() throws Exception {
        for (BoardRow r : model.rows()) {
            model.remove(r.name());
        }
        debuggee = DebuggeeProcess.start();
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("attach-" + ++projects);
        project.create(null);
        project.open(null);
        OrreryCore.addNature(project, null);
        // The partition application's sources, where an Orrery project keeps them: apps/PARTITION/<packages>.
        IFolder folder = project.getFolder("apps");
        folder.create(true, true, null);
        for (String segment : ("ticker/" + TYPE.substring(0, TYPE.lastIndexOf('.')).replace('.', '/')).split("/")) {
            folder = folder.getFolder(segment);
            folder.create(true, true, null);
        }
        source = folder.getFile("Debuggee.java");
        source.create(new ByteArrayInputStream("package org.orrery.studio.targets.testing; // ticker's source\n"
                .getBytes(StandardCharsets.UTF_8)), true, null);
    }

    @AfterEach
    void stop() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch l : manager.getLaunches()) {
            for (IDebugTarget t : l.getDebugTargets()) {
                if (t.canDisconnect()) {
                    t.disconnect();
                }
            }
            manager.removeLaunch(l);
        }
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(
                DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(
                manager.getLaunchConfigurationType(AttachLaunch.TYPE_ID))) {
            c.delete();
        }
        if (agent != null) {
            agent.close();
        }
        debuggee.close();
        for (BoardRow r : model.rows()) {
            model.remove(r.name());
        }
        project.delete(true, true, null);
    }

    @Test
    void attachStopsOneThreadAtABreakpointShowsItsVariableAndSourceResumesDisconnectsAndAttachesAgain()
            throws Exception {
        startAgent(Set.of(Role.DEBUG, Role.MONITOR));
        IJavaMethodBreakpoint bp = JDIDebugModel.createMethodBreakpoint(source, TYPE, "tick", "(I)I", true, false,
                false, -1, -1, -1, 0, true, null);
        bp.setSuspendPolicy(IJavaBreakpoint.SUSPEND_VM);

        ILaunch launch = config(PARTITION).launch(ILaunchManager.DEBUG_MODE, null);

        assertEquals(IJavaBreakpoint.SUSPEND_THREAD, bp.getSuspendPolicy(), "breakpoints in Orrery apps stop a thread");
        IJavaDebugTarget target = (IJavaDebugTarget) launch.getDebugTarget();
        assertNotNull(target, "JDT's remote Java debug target");
        IJavaThread ticker = awaitSuspended(target, "ticker");
        IJavaStackFrame frame = (IJavaStackFrame) ticker.getTopStackFrame();
        assertEquals("tick", frame.getMethodName());
        int n = intValue(frame, "n");
        assertEquals(source, launch.getSourceLocator().getSourceElement(frame), "source found in apps/ticker");

        // The VM goes on: the neighbour thread is not suspended and keeps counting.
        IJavaThread neighbour = thread(target, "neighbour");
        assertFalse(neighbour.isSuspended(), "the neighbour thread was suspended too");
        IJavaClassType debuggeeType = (IJavaClassType) frame.getReferenceType();
        long before = ((IJavaPrimitiveValue) debuggeeType.getField("neighbourTicks").getValue()).getLongValue();
        Thread.sleep(300);
        long after = ((IJavaPrimitiveValue) debuggeeType.getField("neighbourTicks").getValue()).getLongValue();
        assertTrue(after > before, "the neighbour counted " + before + " then " + after);

        ticker.resume();
        await(() -> {
            try {
                return ticker.isSuspended() && intValue((IJavaStackFrame) ticker.getTopStackFrame(), "n") != n;
            } catch (CoreException e) {
                return false;
            }
        }, "the next tick's breakpoint");
        assertEquals(n + 1, intValue((IJavaStackFrame) ticker.getTopStackFrame(), "n"), "the next call's argument");

        int tunnelPort = tunnelPort(target);
        bp.delete();
        ticker.resume();
        target.disconnect();
        await(launch::isTerminated, "the launch to end");
        assertTrue(debuggee.isAlive(), "disconnecting left the partition's JVM running");
        await(() -> refused(tunnelPort), "the tunnel's local port to close");

        // The board's one debug session for the partition was given back and the JVM's JDWP agent listens again:
        // a second attach stops the thread again.
        IJavaMethodBreakpoint again = JDIDebugModel.createMethodBreakpoint(source, TYPE, "tick", "(I)I", true, false,
                false, -1, -1, -1, 0, true, null);
        ILaunch second = config(PARTITION).launch(ILaunchManager.DEBUG_MODE, null);
        IJavaDebugTarget secondTarget = (IJavaDebugTarget) second.getDebugTarget();
        IJavaThread stoppedAgain = awaitSuspended(secondTarget, "ticker");
        assertTrue(intValue((IJavaStackFrame) stoppedAgain.getTopStackFrame(), "n") > n + 1,
                "the ticker counted on while no debugger was attached");
        again.delete();
        stoppedAgain.resume();
        secondTarget.disconnect();
        await(second::isTerminated, "the second launch to end");
    }

    @Test
    void theSimulatedBoardsRefusalIsTheLaunchsErrorInOneLine() throws Exception {
        startAgent(Set.of(Role.DEBUG));

        CoreException e = assertThrows(CoreException.class,
                () -> config("control").launch(ILaunchManager.DEBUG_MODE, null));

        String m = e.getStatus().getMessage();
        assertTrue(m.startsWith("Cannot debug partition control of board bench: "), m);
        assertTrue(m.contains("the simulated board starts its partitions without a debug transport"), m);
        assertFalse(m.contains("\n") || m.contains("Exception"), m);
        assertEquals(0, DebugPlugin.getDefault().getLaunchManager().getDebugTargets().length);
    }

    @Test
    void refusedAttachesLeaveNoSessionOpenOnTheBoard() throws Exception {
        startAgent(Set.of(Role.DEBUG, Role.MONITOR));
        ILaunchConfiguration control = config("control");

        for (int i = 0; i < 33; i++) { // one more than the agent's 32 sessions at once
            assertThrows(CoreException.class, () -> control.launch(ILaunchManager.DEBUG_MODE, null));
        }

        BoardRow row = model.refresh("bench");
        assertTrue(row.online(), "the board still takes a session: " + row.problem());
    }

    @Test
    void aUserWithoutTheDebugRoleIsRefusedWithTheRoleNamed() throws Exception {
        startAgent(Set.of(Role.MONITOR, Role.FLASH));

        CoreException e = assertThrows(CoreException.class,
                () -> config(PARTITION).launch(ILaunchManager.DEBUG_MODE, null));

        String m = e.getStatus().getMessage();
        assertTrue(m.startsWith("Cannot debug partition ticker of board bench: "), m);
        assertTrue(m.contains("lacks the role 'debug'"), m);
        assertFalse(m.contains("\n"), m);
    }

    private void startAgent(Set<Role> roles) throws Exception {
        DevelopmentKeys.publicKey(); // created on first use
        Path signer = DevelopmentKeys.directory().resolve(org.orrery.os.image.SigningKeys.PUBLIC_FILE);
        agent = TestAgent.startDebugBoard(boardDir, signer, model.identity(), roles, PARTITION, debuggee.portFile());
        model.remember("bench", agent.address(), agent.fingerprint());
    }

    private ILaunchConfiguration config(String partition) throws CoreException {
        ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(AttachLaunch.TYPE_ID).newInstance(null, "attach-" + partition);
        wc.setAttribute(AttachLaunch.ATTR_BOARD, "bench");
        wc.setAttribute(AttachLaunch.ATTR_PARTITION, partition);
        wc.setAttribute(AttachLaunch.ATTR_PROJECT, project.getName());
        wc.setAttribute(IJavaLaunchConfigurationConstants.ATTR_ALLOW_TERMINATE, false);
        return wc.doSave();
    }

    private static int intValue(IJavaStackFrame frame, String name) throws CoreException {
        return ((IJavaPrimitiveValue) frame.findVariable(name).getValue()).getIntValue();
    }

    private static IJavaThread thread(IJavaDebugTarget target, String name) throws CoreException {
        for (IThread t : target.getThreads()) {
            if (name.equals(t.getName())) {
                return (IJavaThread) t;
            }
        }
        return null;
    }

    private static IJavaThread awaitSuspended(IJavaDebugTarget target, String name) throws InterruptedException {
        IJavaThread[] found = new IJavaThread[1];
        await(() -> {
            try {
                found[0] = thread(target, name);
                return found[0] != null && found[0].isSuspended();
            } catch (CoreException e) {
                return false;
            }
        }, "thread " + name + " to stop at the breakpoint");
        return found[0];
    }

    /** The tunnel's local port, as JDT names the VM it attached to ("... at 127.0.0.1:PORT"). */
    private static int tunnelPort(IJavaDebugTarget target) throws CoreException {
        Matcher m = TUNNEL_PORT.matcher(target.getName());
        assertTrue(m.find(), "the target's name has the tunnel's address: " + target.getName());
        return Integer.parseInt(m.group(1));
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
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

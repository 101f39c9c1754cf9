// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.ui.AbstractDebugView;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jdt.debug.core.IJavaBreakpoint;
import org.eclipse.jdt.debug.core.IJavaMethodBreakpoint;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.Role;
import org.orrery.os.image.SigningKeys;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.targets.AttachLaunch;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.testing.DebuggeeProcess;
import org.orrery.studio.targets.testing.TestAgent;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;

/**
 * Attach to Orrery Partition in the workbench, as a user debugs: launch the configuration in debug mode, the thread
 * stops at a breakpoint in the partition's application, the user agrees to switch to the Debug perspective when the
 * workbench asks, the editor shows its source from the project's apps/, the Variables view shows the argument,
 * resume, the next stop shows the next value, disconnect.
 */
class AttachToPartitionViewTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TYPE = "org.orrery.studio.targets.testing.Debuggee";

    private final BoardsModel model = BoardsModel.ofUser();
    private DebuggeeProcess debuggee;
    private TestAgent agent;
    private IProject project;
    private PromptAnswer perspectivePrompt;

    @TempDir
    Path boardDir;

    @AfterEach
    void cleanUp() throws Exception {
        if (perspectivePrompt != null) {
            perspectivePrompt.close();
        }
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
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        if (agent != null) {
            agent.close();
        }
        if (debuggee != null) {
            debuggee.close();
        }
        for (BoardRow r : model.rows()) {
            model.remove(r.name());
        }
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void attachStopAtABreakpointSeeTheVariableAndItsSourceResumeAndDisconnect() throws Exception {
        for (BoardRow r : model.rows()) { // a run killed half-way keeps its board in the build's Orrery home
            model.remove(r.name());
        }
        debuggee = DebuggeeProcess.start();
        DevelopmentKeys.publicKey(); // created on first use
        agent = TestAgent.startDebugBoard(boardDir, DevelopmentKeys.directory().resolve(SigningKeys.PUBLIC_FILE),
                model.identity(), Set.of(Role.DEBUG), "ticker", debuggee.portFile());
        model.remember("bench", agent.address(), agent.fingerprint());
        project = Projects.plain("attach-ui");
        OrreryCore.addNature(project, null);
        IFile source = applicationSource(project);
        IJavaMethodBreakpoint bp = JDIDebugModel.createMethodBreakpoint(source, TYPE, "tick", "(I)I", true, false,
                false, -1, -1, -1, 0, true, null);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        AbstractDebugView variables = (AbstractDebugView) page.showView(IDebugUIConstants.ID_VARIABLE_VIEW);
        page.showView(IDebugUIConstants.ID_DEBUG_VIEW);

        ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(AttachLaunch.TYPE_ID).newInstance(null, "attach-ticker");
        wc.setAttribute(AttachLaunch.ATTR_BOARD, "bench");
        wc.setAttribute(AttachLaunch.ATTR_PARTITION, "ticker");
        wc.setAttribute(AttachLaunch.ATTR_PROJECT, project.getName());
        wc.setAttribute(IJavaLaunchConfigurationConstants.ATTR_ALLOW_TERMINATE, false);
        // On the first suspend the workbench asks (modally) whether to open the Debug perspective: say Switch.
        perspectivePrompt = PromptAnswer.pressing("Confirm Perspective Switch", "Switch");
        DebugUITools.launch(wc.doSave(), ILaunchManager.DEBUG_MODE);

        IJavaThread ticker = awaitSuspendedThread("ticker");
        assertEquals(IJavaBreakpoint.SUSPEND_THREAD, bp.getSuspendPolicy());
        Widgets.waitUntil(() -> IDebugUIConstants.ID_DEBUG_PERSPECTIVE.equals(page.getPerspective().getId()), TIMEOUT,
                "the Debug perspective after the user agreed to switch");
        assertEquals(1, perspectivePrompt.answered(), "the workbench asked once");
        Widgets.waitUntil(() -> page.findEditor(new FileEditorInput(source)) != null, TIMEOUT,
                "the editor on apps/ticker/.../Debuggee.java");
        Tree tree = (Tree) variables.getViewer().getControl();
        String first = awaitVariable(tree, "n");
        Screenshots.save(tree.getShell(), screenshots().resolve("orrery-attach-breakpoint.png"));
        int n = Integer.parseInt(first);
        // what the view shows is the debug model's: the top frame's variable n
        IStackFrame top = ticker.getTopStackFrame();
        IVariable variable = Stream.of(top.getVariables()).filter(v -> "n".equals(name(v))).findFirst()
                .orElseThrow(() -> new AssertionError("no variable n in the top frame"));
        assertEquals(first, variable.getValue().getValueString(), "n in the debug model");
        assertFalse(thread("neighbour").isSuspended(), "a breakpoint stops one thread, not the partition");

        ticker.resume();
        Widgets.waitUntil(() -> valueOf(tree, "n").filter(v -> !v.equals(first)).isPresent(), TIMEOUT,
                "the Variables view to show the next call's n (" + items(tree) + ")");
        assertEquals(Integer.toString(n + 1), valueOf(tree, "n").orElseThrow());

        bp.delete();
        ticker.resume();
        ILaunch launch = ticker.getLaunch();
        launch.getDebugTarget().disconnect();
        Widgets.waitUntil(launch::isTerminated, TIMEOUT, "the launch to end");
        assertTrue(debuggee.isAlive(), "disconnecting left the partition's JVM running");
    }

    private static String name(IVariable v) {
        try {
            return v.getName();
        } catch (DebugException e) {
            return "";
        }
    }

    private static IFile applicationSource(IProject project) throws CoreException {
        IFolder folder = project.getFolder("apps");
        folder.create(true, true, null);
        for (String segment : ("ticker/" + TYPE.substring(0, TYPE.lastIndexOf('.')).replace('.', '/')).split("/")) {
            folder = folder.getFolder(segment);
            folder.create(true, true, null);
        }
        IFile source = folder.getFile("Debuggee.java");
        source.create(new ByteArrayInputStream(("package org.orrery.studio.targets.testing;\n\n"
                + "/** The ticker partition's application. */\nfinal class Debuggee {\n"
                + "    static int tick(int n) {\n        return n + 1;\n    }\n}\n").getBytes(StandardCharsets.UTF_8)),
                true, null);
        return source;
    }

    private static IJavaThread awaitSuspendedThread(String name) {
        Widgets.waitUntil(() -> {
            try {
                IJavaThread t = thread(name);
                return t != null && t.isSuspended();
            } catch (CoreException e) {
                return false;
            }
        }, TIMEOUT, "thread " + name + " to stop at the breakpoint");
        try {
            return thread(name);
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }

    private static IJavaThread thread(String name) throws CoreException {
        for (IDebugTarget target : DebugPlugin.getDefault().getLaunchManager().getDebugTargets()) {
            if (!target.isTerminated() && !target.isDisconnected()) {
                for (IThread t : target.getThreads()) {
                    if (name.equals(t.getName())) {
                        return (IJavaThread) t;
                    }
                }
            }
        }
        return null;
    }

    private static String awaitVariable(Tree tree, String name) {
        Widgets.waitUntil(() -> valueOf(tree, name).filter(v -> !v.isEmpty()).isPresent(), TIMEOUT,
                "the Variables view to show " + name + " (" + items(tree) + ")");
        return valueOf(tree, name).orElseThrow();
    }

    /** The value column of the Variables view's top-level row for {@code name}. */
    private static Optional<String> valueOf(Tree tree, String name) {
        for (TreeItem i : tree.getItems()) {
            if (name.equals(i.getText(0))) {
                return Optional.of(i.getText(1));
            }
            if (i.getText(0).startsWith(name + "= ")) { // the view without columns: "n= 5"
                return Optional.of(i.getText(0).substring(name.length() + 2));
            }
        }
        return Optional.empty();
    }

    private static List<String> items(Tree tree) {
        List<String> rows = new ArrayList<>();
        for (TreeItem i : tree.getItems()) {
            rows.add(i.getText(0) + "=" + i.getText(1));
        }
        return rows;
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.IVMConnector;
import org.eclipse.jdt.launching.JavaRuntime;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.DebugPort;
import org.orrery.studio.targets.AttachLaunch;
import org.orrery.studio.targets.BoardsModel;

/**
 * Attach to partition: opens a {@link DebugPort} on 127.0.0.1 (any free port) that tunnels to the partition's JVM
 * through the board agent, then lets JDT's standard socket-attach connector connect to it, so the Debug view shows
 * an ordinary remote Java debug target. The tunnel lives as long as the launch ({@link TunnelCloser}); the board's
 * refusal (no debug role, no such partition, a simulated board) is the launch's error, in the board's words.
 */
public final class AttachLaunchDelegate extends LaunchConfigurationDelegate {

    /** How long after a failed attach the port may take to report the board's refusal. */
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(5);
    /** JDT's connect timeout: the agent's handshake and the tunnel's opening come before JDWP's own handshake. */
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // attaching builds nothing: the board runs the image it was flashed with
    }

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Attach to partition", 2);
        String board = config.getAttribute(AttachLaunch.ATTR_BOARD, "").strip();
        String partition = config.getAttribute(AttachLaunch.ATTR_PARTITION, "").strip();
        IProject project = project(config); // checked here: a wrong name is a clear error, not an empty source lookup
        if (partition.isEmpty()) {
            throw error("Choose the partition to debug on the Main tab");
        }
        BoardsModel model = BoardsModel.ofUser();
        try {
            if (board.isEmpty() || model.registry().find(board).isEmpty()) {
                throw error(board.isEmpty() ? "Choose the board on the Main tab"
                        : "No board named " + board + " in " + model.registry().file()
                                + " (add it in the Orrery Boards view)");
            }
        } catch (IOException e) {
            throw error(e.getMessage());
        }
        ThreadSuspendPolicy.applyTo(project); // before JDT installs the breakpoints in the partition's JVM
        TunnelReports reports = new TunnelReports();
        DebugPort port;
        try {
            port = DebugPort.open(0, partition, () -> connect(model, board), reports);
        } catch (IOException e) {
            throw error("Cannot listen on 127.0.0.1 for the debugger: " + e.getMessage());
        }
        boolean attached = false;
        try {
            sub.subTask("Attaching to partition " + partition + " of board " + board);
            IVMConnector connector = JavaRuntime.getVMConnector(
                    IJavaLaunchConfigurationConstants.ID_SOCKET_ATTACH_VM_CONNECTOR);
            if (connector == null) {
                throw error("JDT's socket attach connector is not installed");
            }
            Map<String, String> args = Map.of("hostname", "127.0.0.1", "port", Integer.toString(port.port()),
                    "timeout", Integer.toString(CONNECT_TIMEOUT_MS));
            try {
                connector.connect(args, sub.split(1), launch);
            } catch (CoreException e) {
                throw error(refusalOr(reports, board, partition, e));
            }
            if (sub.isCanceled()) {
                throw new OperationCanceledException();
            }
            TunnelCloser.closeWith(launch, port);
            attached = true;
        } finally {
            if (!attached) {
                port.close();
            }
        }
        sub.worked(1);
    }

    /** The board's words when it refused the tunnel, else JDT's. */
    private static String refusalOr(TunnelReports reports, String board, String partition, CoreException e) {
        String why;
        try {
            why = reports.refusal(REFUSAL_WAIT);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            why = null;
        }
        return why != null ? "Cannot debug partition " + partition + " of board " + board + ": " + why
                : "Cannot attach to partition " + partition + " of board " + board + ": " + e.getMessage();
    }

    /** A new authenticated session with the board for each debugger connection. */
    private static AgentClient connect(BoardsModel model, String board) throws AgentException {
        try {
            return model.connect(board);
        } catch (AgentException e) {
            throw e;
        } catch (IOException e) {
            throw new AgentException("io", "board " + board + ": " + e.getMessage(), e);
        }
    }

    static IProject project(ILaunchConfiguration config) throws CoreException {
        String name = config.getAttribute(AttachLaunch.ATTR_PROJECT, "").strip();
        if (name.isEmpty()) {
            throw error("Choose the Orrery project that holds the partition's sources on the Main tab");
        }
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!project.isOpen()) {
            throw error("Project " + name + " does not exist or is closed");
        }
        return project;
    }

    private static CoreException error(String message) {
        return new CoreException(Status.error(message));
    }
}

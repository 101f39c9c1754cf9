// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * kill(2) through the FFM API. Java can send SIGKILL to one process, but the watchdog also needs SIGSTOP (to
 * freeze a process tree so nothing in it can fork while it is collected) and signals to a whole process group
 * (to reach processes whose parent already died).
 */
public final class Signals {
    public static final int SIGKILL = 9;
    /** SIGSTOP is 19 on every Linux architecture this board runs on (x86_64, aarch64, riscv64). */
    public static final int SIGSTOP = 19;

    private final MethodHandle kill;

    private Signals(MethodHandle kill) {
        this.kill = kill;
    }

    /**
     * Links kill(2).
     *
     * @throws IllegalStateException one line when the JVM does not grant native access to this code
     */
    public static Signals link() {
        try {
            Linker linker = Linker.nativeLinker();
            return new Signals(linker.downcallHandle(linker.defaultLookup().find("kill").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)));
        } catch (IllegalCallerException e) {
            throw new IllegalStateException("the board watchdog needs native access to send signals: run java with "
                    + "--enable-native-access=org.orrery.os.bsp.hosted (module path) or =ALL-UNNAMED (class path)");
        }
    }

    /**
     * Sends a signal to one process. False when it could not be sent: the process is gone (ESRCH) or, after pid
     * reuse, belongs to someone the watchdog may not signal (EPERM); either way there is nothing left to do.
     */
    public boolean toProcess(long pid, int signal) {
        return send(Math.toIntExact(pid), signal);
    }

    /** Sends a signal to every process of a process group; false when the group has no process left. */
    public boolean toGroup(long pgid, int signal) {
        return send(-Math.toIntExact(pgid), signal);
    }

    private boolean send(int target, int signal) {
        try {
            return (int) kill.invokeExact(target, signal) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("kill(" + target + ", " + signal + ") failed: " + t, t);
        }
    }
}

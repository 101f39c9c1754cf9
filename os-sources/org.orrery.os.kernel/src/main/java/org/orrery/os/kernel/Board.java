// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.function.Consumer;
import org.orrery.os.trace.TraceBuffer;

/** What the kernel needs from a board support package. */
public interface Board {
    Clock clock();

    ProcessExecutor executor();

    /** Receives each console line. */
    Consumer<String> console();

    /** The preallocated trace buffer of {@code core}. */
    TraceBuffer trace(int core);

    /** Told of every window edge (a simulated board needs nothing: its processes run only when resumed). */
    default WindowListener windows() {
        return WindowListener.NONE;
    }

    /** Told when ports lose their messages (a board whose channels live in the kernel needs nothing). */
    default PortStorage portStorage() {
        return PortStorage.NONE;
    }
}

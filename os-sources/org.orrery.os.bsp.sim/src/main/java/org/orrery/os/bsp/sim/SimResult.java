// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import java.util.List;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceBuffer;

/**
 * Outcome of a simulation run.
 *
 * @param console every console line, in order
 * @param traces the per-core trace buffers (empty when a trace sink drained them during the run)
 */
public record SimResult(RunSummary summary, List<String> console, List<TraceBuffer> traces) {
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import org.orrery.os.api.ProcessState;

/** How long one process of a partition stayed in one state on one core. */
public record ProcessSpan(int core, int partition, int process, ProcessState state, long startNs, long endNs)
        implements Span {
}

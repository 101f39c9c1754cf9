// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import org.orrery.os.trace.TraceEventType;

/**
 * A point event on a core's lane: port traffic, health-monitor events, watchdog kicks and expiries, partition
 * mode changes, plan switches and user events. The payload keeps the trace's fields; {@link TimelineLabels}
 * turns them into names.
 */
public record TimelineMarker(int core, long timeNs, TraceEventType type, long f0, long f1, long f2) {
}

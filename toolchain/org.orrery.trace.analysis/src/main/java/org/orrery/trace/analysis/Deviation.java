// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

/** One place where the trace and the configuration disagree, with a message an integrator can act on. */
public record Deviation(int core, long timeNs, DeviationKind kind, String message) {
}

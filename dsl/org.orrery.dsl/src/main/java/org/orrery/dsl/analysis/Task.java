// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

/**
 * A process as the analyses see it: released at most every {@code period}, needing {@code wcet} before
 * {@code deadline} (all nanoseconds); larger {@code priority} is more urgent.
 */
public record Task(String name, long period, long deadline, long wcet, int priority) {
}

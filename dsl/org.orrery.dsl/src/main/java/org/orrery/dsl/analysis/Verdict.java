// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.analysis;

/**
 * Outcome for one process. {@code responseTime} is {@link Long#MAX_VALUE} when the process would never
 * finish (its partition is overloaded or has no windows).
 */
public record Verdict(Task task, long responseTime) {

    public boolean schedulable() {
        return responseTime <= task.deadline();
    }

    public boolean unbounded() {
        return responseTime == Long.MAX_VALUE;
    }
}

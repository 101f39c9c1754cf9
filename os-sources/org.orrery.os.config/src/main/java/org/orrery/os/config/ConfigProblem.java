// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * One problem found in a configuration.
 *
 * @param field path of the offending field, e.g. {@code partitions[nav].ports[attitude].queueDepth}
 * @param message what is wrong, in one sentence
 */
public record ConfigProblem(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}

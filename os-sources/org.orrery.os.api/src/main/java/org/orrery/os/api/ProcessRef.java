// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/**
 * A configured process, by name and canonical index (its position in the partition's process list).
 * Generated constants create these; the kernel refuses a reference whose name and index disagree
 * with the configuration.
 */
public record ProcessRef(String name, int index) {
}

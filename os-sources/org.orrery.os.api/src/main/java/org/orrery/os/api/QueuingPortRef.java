// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** A configured queuing port, by name and canonical index (position in the partition's port list). */
public record QueuingPortRef(String name, int index) {
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** A configured schedule plan, by name and canonical index (position in the system's plan list). */
public record PlanRef(String name, int index) {
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/**
 * One slot.
 *
 * @param name {@code a} or {@code b}
 * @param image what the slot holds, or null when empty
 * @param selected the boot selection points at this slot
 */
public record SlotInfo(String name, SlotState state, ImageId image, boolean selected) {
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.util.List;

/**
 * The board as the agent sees it.
 *
 * @param board the board support the images run on ({@code sim}, {@code hosted})
 * @param bootedSlot the slot whose image runs now, or null when none runs
 * @param running the image that runs now, or null
 * @param slots every slot, in name order
 * @param securityCounter the lowest counter the board accepts without an override
 */
public record BoardStatus(String board, String bootedSlot, ImageId running, List<SlotInfo> slots, long securityCounter) {

    public BoardStatus {
        slots = List.copyOf(slots);
    }
}

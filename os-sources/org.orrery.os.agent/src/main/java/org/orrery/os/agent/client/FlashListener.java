// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import org.orrery.os.agent.SlotInfo;

/** What a flash reports as it goes (CLI progress bar, Studio progress monitor). */
public interface FlashListener {

    /** The upload starts (or resumes) at {@code offset} of {@code size} bytes. */
    default void uploadStarted(long offset, long size) {
    }

    /** The board has stored {@code done} of {@code size} bytes. */
    default void uploaded(long done, long size) {
    }

    /** The image is on the board: it verifies, writes and boots it. */
    default void installing() {
    }

    /** The image boots on trial in this slot; the board decides whether it stays. */
    default void installed(SlotInfo slot) {
    }

    FlashListener NONE = new FlashListener() {
    };
}

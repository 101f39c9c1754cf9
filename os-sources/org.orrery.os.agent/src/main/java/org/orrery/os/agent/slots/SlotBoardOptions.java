// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import java.time.Duration;
import java.util.List;

import org.orrery.os.agent.slots.internal.ChildJvm;

/**
 * How a {@link SlotBoard} boots and judges images.
 *
 * @param board the board support images boot on ({@code sim}, or {@code hosted} on Java 22+)
 * @param confirmFrames healthy major frames in a row after which a trial image confirms itself good
 * @param trialFrameLimit major frames a trial may take to get there before it is rolled back
 * @param trialTimeout wall-clock bound on a trial (a board that never reports a frame fails too)
 * @param maxImageBytes the largest upload accepted ({@code too-large} beyond)
 * @param childJvmOptions JVM options of the boot child
 */
public record SlotBoardOptions(String board, int confirmFrames, int trialFrameLimit, Duration trialTimeout,
        long maxImageBytes, List<String> childJvmOptions) {

    public static final int DEFAULT_CONFIRM_FRAMES = 10;

    public SlotBoardOptions {
        if (confirmFrames < 1 || trialFrameLimit < confirmFrames) {
            throw new IllegalArgumentException("need 1 <= confirm frames (" + confirmFrames + ") <= frame limit ("
                    + trialFrameLimit + ")");
        }
        childJvmOptions = List.copyOf(childJvmOptions);
    }

    /** 10 healthy frames to confirm, within 100 frames or 2 minutes; images up to 256 MiB. */
    public static SlotBoardOptions defaults(String board) {
        return new SlotBoardOptions(board, DEFAULT_CONFIRM_FRAMES, 10 * DEFAULT_CONFIRM_FRAMES, Duration.ofMinutes(2),
                256L << 20, ChildJvm.LIGHT);
    }

    public SlotBoardOptions withConfirmFrames(int frames) {
        return new SlotBoardOptions(board, frames, 10 * frames, trialTimeout, maxImageBytes, childJvmOptions);
    }

    public SlotBoardOptions withTrialTimeout(Duration timeout) {
        return new SlotBoardOptions(board, confirmFrames, trialFrameLimit, timeout, maxImageBytes, childJvmOptions);
    }

    public SlotBoardOptions withChildJvmOptions(List<String> options) {
        return new SlotBoardOptions(board, confirmFrames, trialFrameLimit, trialTimeout, maxImageBytes, options);
    }

    public SlotBoardOptions withMaxImageBytes(long bytes) {
        return new SlotBoardOptions(board, confirmFrames, trialFrameLimit, trialTimeout, bytes, childJvmOptions);
    }
}

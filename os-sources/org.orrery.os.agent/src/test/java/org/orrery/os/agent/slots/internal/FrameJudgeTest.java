// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.agent.slots.TestImages;
import org.orrery.os.config.HmAction;
import org.orrery.os.trace.TraceEventType;

/** The health rule of a major frame, fed the trace events a board emits (20 ms frames, partition 0). */
class FrameJudgeTest {

    private static final long MS = 1_000_000L;
    private final List<String> lines = new ArrayList<>();
    private final FrameJudge judge = new FrameJudge(TestImages.config("demo", "good", false), lines::add);

    private void window(long ms) {
        judge.event(0, ms * MS, TraceEventType.WINDOW_START.id(), 0, 0, 0);
    }

    private void mode(long ms, PartitionMode from, PartitionMode to) {
        judge.event(0, ms * MS, TraceEventType.PARTITION_MODE.id(), 0, from.ordinal(), to.ordinal());
    }

    private void hm(long ms, long partition, ErrorCode error, HmAction action) {
        judge.event(0, ms * MS, TraceEventType.HM_EVENT.id(), partition, error.ordinal(), action.ordinal());
    }

    private List<String> frames() {
        return lines.stream().filter(l -> l.startsWith("frame ")).toList();
    }

    @Test
    void aFrameIsHealthyWhenItsPartitionsEndItInNormalWithoutHigherHmActions() {
        window(0);
        mode(1, PartitionMode.COLD_START, PartitionMode.NORMAL);
        hm(5, 0, ErrorCode.DEADLINE_MISSED, HmAction.LOG);
        window(20);
        judge.drained();
        assertEquals(List.of("frame 0 ok"), frames(), "a logged process-level error is not a fault");
    }

    @Test
    void aPartitionLevelActionOrAModuleEventMakesItsFrameUnhealthy() {
        window(0);
        mode(1, PartitionMode.COLD_START, PartitionMode.NORMAL);
        hm(5, 0, ErrorCode.APPLICATION_ERROR, HmAction.WARM_START_PARTITION);
        mode(5, PartitionMode.NORMAL, PartitionMode.WARM_START);
        mode(6, PartitionMode.WARM_START, PartitionMode.NORMAL);
        window(20);
        hm(25, -1, ErrorCode.NUMERIC_ERROR, HmAction.LOG);
        window(40);
        window(60);
        judge.drained();
        assertEquals(List.of("frame 0 bad app APPLICATION_ERROR -> WARM_START_PARTITION",
                "frame 1 bad module NUMERIC_ERROR -> LOG", "frame 2 ok"), frames());
    }

    @Test
    void aPartitionInItsFirstColdStartLeavesItsFrameUnjudgedAndLaterEventsWaitForTheirFrame() {
        window(0);
        judge.drained();
        assertEquals(List.of(), frames(), "frame 0 is judged only once board time passed its end");
        // The next frame's mode change arrives (another core's buffer) before this frame's end is known.
        mode(21, PartitionMode.COLD_START, PartitionMode.NORMAL);
        window(20);
        window(40);
        judge.drained();
        assertEquals(List.of("frame 0 starting app", "frame 1 ok"), frames());
    }

    @Test
    void aPlanSwitchIsReportedWithThePlansNamesAndTheCore() {
        judge.event(0, 20 * MS, TraceEventType.PLAN_SWITCH.id(), 0, 1, 0);
        assertEquals(List.of("plan main -> maintenance on core 0"), lines);
    }

    @Test
    void onceAFaultWasSeenAColdStartIsUnhealthy() {
        window(0);
        hm(5, 0, ErrorCode.APPLICATION_ERROR, HmAction.COLD_START_PARTITION);
        window(20);
        window(40);
        mode(41, PartitionMode.COLD_START, PartitionMode.NORMAL);
        window(60);
        judge.drained();
        assertEquals(List.of("frame 0 bad app APPLICATION_ERROR -> COLD_START_PARTITION",
                "frame 1 bad app is COLD_START at the frame's end", "frame 2 ok"), frames());
    }

    @Test
    void aPartitionBackInColdStartAfterItRanOrOneThatLeftInitForAnotherModeIsUnhealthy() {
        window(0);
        mode(1, PartitionMode.COLD_START, PartitionMode.NORMAL);
        mode(2, PartitionMode.NORMAL, PartitionMode.COLD_START); // an operator's restart: no HM event
        window(20);
        mode(21, PartitionMode.COLD_START, PartitionMode.IDLE);
        window(40);
        judge.drained();
        assertEquals(List.of("frame 0 bad app is COLD_START at the frame's end", "frame 1 bad app is IDLE at the frame's end"),
                frames());
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.agent.BoardEvent;
import org.orrery.studio.targets.PartitionState;
import org.orrery.studio.targets.internal.BoardWatch;

/** What the Targets view keeps of a board's event stream: each kind lands where a user looks for it. */
class BoardWatchTest {

    private final BoardWatch watch = new BoardWatch("bench");

    private void take(BoardEvent.Kind kind, String text) {
        watch.accept(new BoardEvent(0, kind, text));
    }

    @Test
    void modesCpuAndHmGoToTheirPartitionSlotsAndPlanSwitchesToTheBoardsLog() {
        take(BoardEvent.Kind.MODE, "nav NORMAL");
        take(BoardEvent.Kind.HM, "nav DEADLINE_MISSED LOG");
        take(BoardEvent.Kind.HM, "module NUMERIC_ERROR LOG");
        take(BoardEvent.Kind.CONSOLE, "[0.050000000] nav: fix 3");
        take(BoardEvent.Kind.SLOT, "slot a confirmed good");
        take(BoardEvent.Kind.PLAN, "main -> maintenance on core 0");
        take(BoardEvent.Kind.CPU, "nav 120 5000 NORMAL");

        PartitionState nav = watch.partitions().get(0);
        assertEquals("nav", nav.name());
        assertEquals("NORMAL", nav.mode());
        assertEquals(List.of("nav DEADLINE_MISSED LOG"), nav.hm());
        assertEquals(List.of("[0.050000000] nav: fix 3"), nav.console());
        assertEquals(List.of("module NUMERIC_ERROR LOG", "slot a confirmed good", "plan main -> maintenance on core 0"),
                watch.log());
    }
}

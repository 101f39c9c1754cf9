// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.Refusal;

/** What a slot board says when asked for a debug tunnel it cannot give (the hosted tunnel: DebugEndToEndTest). */
class SlotBoardDebugTest {

    @TempDir
    Path dir;

    @Test
    void theSimulatedBoardRefusesAndSaysWhichBoardCan() throws Exception {
        try (SlotBoard board = SlotBoard.open(dir, SlotBoardOptions.defaults("sim"))) {
            Refusal r = assertThrows(Refusal.class, () -> board.openDebug("nav"));
            assertEquals("unsupported", r.code());
            assertEquals("the simulated board starts its partitions without a debug transport; debug needs --board hosted",
                    r.getMessage());
        }
    }

    @Test
    void aHostedBoardRunningNothingHasNothingToDebug() throws Exception {
        try (SlotBoard board = SlotBoard.open(dir, SlotBoardOptions.defaults("hosted"))) {
            Refusal r = assertThrows(Refusal.class, () -> board.openDebug("nav"));
            assertEquals("no-partition", r.code());
            assertEquals("board hosted runs no image; nothing to debug", r.getMessage());
        }
    }
}

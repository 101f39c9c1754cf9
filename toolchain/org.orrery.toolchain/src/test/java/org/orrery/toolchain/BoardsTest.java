// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Front ends find boards by the names configurations and {@code --board} use. */
class BoardsTest {

    @Test
    void simAndHostedAreOfferedAndTheLanguagesHostedBoardOfThisMachineIsTheHostedBoard() {
        assertEquals("sim, hosted", Boards.names());
        assertEquals("hosted", Boards.named("hosted-linux-" + Boards.thisArchitecture()).orElseThrow().name());
        String other = Boards.thisArchitecture().equals("x86_64") ? "hosted-linux-aarch64" : "hosted-linux-x86_64";
        assertTrue(Boards.named(other).isEmpty(), "a board of another architecture cannot run here");
        assertTrue(Boards.named("nonsense").isEmpty());
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The three verdicts of a {@code frame} line, as the agent reads what the boot child printed. */
class ChildLineTest {

    @Test
    void eachFrameVerdictReadsAsItself() {
        ChildLine ok = ChildLine.parse(ChildLine.healthyFrame(7));
        ChildLine starting = ChildLine.parse(ChildLine.startingFrame(7, "nav"));
        ChildLine bad = ChildLine.parse(ChildLine.unhealthyFrame(7, "nav is starting ok"));

        assertTrue(ok.healthy());
        assertFalse(ok.starting());
        assertTrue(starting.starting());
        assertFalse(starting.healthy());
        assertFalse(bad.healthy(), "a reason's words are not the verdict");
        assertFalse(bad.starting());
        assertEquals("nav is starting ok", bad.why());
    }
}

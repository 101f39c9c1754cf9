// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.diagram.schedule.ScheduleEditor;
import org.orrery.studio.diagram.schedule.WindowRef;

class ScheduleEditorTest {

    static final long MS = 1_000_000L;

    @Test
    void moveSnapsToTheTickAndChangesOnlyTheStart() {
        SystemModelSession s = Fixtures.flightControlSession();
        String before = s.text();
        // 36.4 ms snaps to 36 ms with the 1 ms tick.
        List<TextEdit> edits = new ScheduleEditor(s).move(new WindowRef("normal", 0, 2), 36_400_000L);
        assertEquals(before.replace("window fcs at 25 ms duration 10 ms", "window fcs at 36 ms duration 10 ms"), s.text());
        assertEquals(s.text(), TextEdit.apply(before, edits));
        int token = before.indexOf("window fcs at 25 ms") + "window fcs at ".length();
        for (TextEdit e : edits) {
            assertTrue(e.offset() >= token && e.offset() + e.length() <= token + 5, e.toString());
        }
    }

    @Test
    void moveIsClampedToTheMajorFrame() {
        SystemModelSession s = Fixtures.flightControlSession();
        ScheduleEditor editor = new ScheduleEditor(s);
        editor.move(new WindowRef("maintenance", 1, 1), 47 * MS);
        assertTrue(s.text().contains("window display at 40 ms duration 10 ms"), s.text());
        editor.move(new WindowRef("maintenance", 1, 0), -7 * MS);
        assertEquals(List.of(), editor.move(new WindowRef("maintenance", 1, 0), -7 * MS)); // already at 0
    }

    @Test
    void moveOffTheUnitWritesAnExactUnit() {
        String text = Fixtures.oneCore("        window a at 0 ms duration 10 ms\n").replace("tick 1 ms", "tick 100 us");
        SystemModelSession s = Fixtures.inline(text);
        new ScheduleEditor(s).move(new WindowRef("main", 0, 0), 1_530_000L);
        assertEquals(text.replace("window a at 0 ms", "window a at 1500 us"), s.text());
    }

    @Test
    void resizeMovesEitherEdgeAndKeepsOneTick() {
        SystemModelSession s = Fixtures.inline(Fixtures.oneCore("""
                        window a at 10 ms duration 10 ms
                """));
        ScheduleEditor editor = new ScheduleEditor(s);
        editor.resize(new WindowRef("main", 0, 0), 10 * MS, 24_600_000L);
        assertTrue(s.text().contains("window a at 10 ms duration 15 ms"), s.text());
        editor.resize(new WindowRef("main", 0, 0), 4 * MS, 25 * MS);
        assertTrue(s.text().contains("window a at 4 ms duration 21 ms"), s.text());
        editor.resize(new WindowRef("main", 0, 0), 4 * MS, 2 * MS); // end dragged past start: one tick stays
        assertTrue(s.text().contains("window a at 4 ms duration 1 ms"), s.text());
        editor.resize(new WindowRef("main", 0, 0), 4 * MS, 90 * MS); // beyond the frame: clamped
        assertTrue(s.text().contains("window a at 4 ms duration 46 ms"), s.text());
    }

    @Test
    void createOnAFreeRangeInsertsAWindowInTimeOrder() {
        SystemModelSession s = Fixtures.flightControlSession();
        String before = s.text();
        new ScheduleEditor(s).create("normal", 0, 35_200_000L, 39_900_000L, "datalink");
        String expected = before.replace("""
                        window fcs at 25 ms duration 10 ms
                        window maint at 40 ms duration 5 ms
                """, """
                        window fcs at 25 ms duration 10 ms
                        window datalink at 35 ms duration 5 ms
                        window maint at 40 ms duration 5 ms
                """);
        assertEquals(expected, s.text());
        assertTrue(s.diagnostics().stream().noneMatch(d -> d.isError()), s.diagnostics().toString());
    }

    @Test
    void createRefusesBusyRangesAndUnknownPartitions() {
        SystemModelSession s = Fixtures.flightControlSession();
        ScheduleEditor editor = new ScheduleEditor(s);
        String before = s.text();
        assertThrows(IllegalArgumentException.class, () -> editor.create("normal", 0, 30 * MS, 38 * MS, "datalink"));
        assertThrows(IllegalArgumentException.class, () -> editor.create("normal", 0, 35 * MS, 38 * MS, "nobody"));
        assertThrows(IllegalArgumentException.class, () -> editor.create("normal", 7, 35 * MS, 38 * MS, "fcs"));
        assertEquals(before, s.text());
    }

    @Test
    void deleteRemovesTheWholeLine() {
        SystemModelSession s = Fixtures.flightControlSession();
        String before = s.text();
        new ScheduleEditor(s).delete(new WindowRef("normal", 0, 3));
        assertEquals(before.replace("        window maint at 40 ms duration 5 ms\n", ""), s.text());
    }

    @Test
    void snapRoundsToTheNearestTick() {
        assertEquals(2 * MS, ScheduleEditor.snap(1_500_000L, MS));
        assertEquals(MS, ScheduleEditor.snap(1_499_999L, MS));
        assertEquals(0, ScheduleEditor.snap(-400_000L, MS));
        assertEquals(1234, ScheduleEditor.snap(1234, 0));
    }
}

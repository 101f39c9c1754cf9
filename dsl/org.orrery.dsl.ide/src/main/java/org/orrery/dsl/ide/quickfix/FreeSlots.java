// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide.quickfix;

import java.util.Comparator;
import java.util.List;

import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Window;

/** Free time in a core's major frame, where a new window fits without overlapping the existing ones. */
final class FreeSlots {

    private FreeSlots() {
    }

    /** The first free interval {@code [start, end)} of the frame, or {@code null} when the frame is full. */
    static long[] first(CoreSchedule schedule) {
        long frame = Units.nanos(schedule.getMajorFrame());
        List<Window> windows = schedule.getWindows().stream()
                .sorted(Comparator.comparingLong((Window w) -> Units.nanos(w.getStart()))).toList();
        long cursor = 0;
        for (Window w : windows) {
            long start = Units.nanos(w.getStart());
            if (start > cursor) {
                return new long[] {cursor, Math.min(start, frame)};
            }
            cursor = Math.max(cursor, ScheduleFixes.end(w));
        }
        return cursor < frame ? new long[] {cursor, frame} : null;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.generator.PartitionColours;
import org.orrery.studio.diagram.schedule.Lane;
import org.orrery.studio.diagram.schedule.PlanSchedule;
import org.orrery.studio.diagram.schedule.ScheduleModel;
import org.orrery.studio.diagram.schedule.Utilisation;
import org.orrery.studio.diagram.schedule.WindowBlock;

class ScheduleModelTest {

    static final long MS = 1_000_000L;

    @Test
    void flightControlHasTwoPlansWithTwoLanes() {
        ScheduleModel m = ScheduleModel.of(Fixtures.flightControlSession());
        assertEquals(List.of("normal", "maintenance"), m.planNames());
        assertEquals(MS, m.tickNs());
        assertEquals(List.of("fcs", "nav", "display", "datalink", "maint"), m.partitions());
        PlanSchedule normal = m.defaultPlan();
        assertEquals("normal", normal.name());
        assertTrue(normal.initial());
        assertEquals(2, normal.lanes().size());
        Lane core0 = normal.lane(0);
        assertEquals(50 * MS, core0.majorFrameNs());
        assertEquals(4, core0.windows().size());
        WindowBlock third = core0.windows().get(2);
        assertEquals("fcs", third.owner());
        assertEquals(25 * MS, third.startNs());
        assertEquals(35 * MS, third.endNs());
        assertEquals(PartitionColours.rgb(0), third.colour());
        assertEquals(PartitionColours.rgb(3), core0.windows().get(1).colour()); // datalink is the fourth partition
        assertFalse(third.flagged());
        assertEquals(50 * MS, normal.longestFrameNs());
    }

    @Test
    void utilisationPerPartitionPerCore() {
        PlanSchedule normal = ScheduleModel.of(Fixtures.flightControlSession()).plan("normal");
        List<Utilisation> u = normal.utilisation();
        Utilisation fcs = u.stream().filter(x -> x.owner().equals("fcs")).findFirst().orElseThrow();
        assertEquals(0, fcs.core());
        assertEquals(20 * MS, fcs.busyNs());
        assertEquals(0.4, fcs.ratio(), 1e-9);
        assertEquals("40.0 %", fcs.percent());
        Utilisation display = u.stream().filter(x -> x.owner().equals("display")).findFirst().orElseThrow();
        assertEquals(1, display.core());
        assertEquals(0.3, display.ratio(), 1e-9);
        assertEquals(List.of("0:fcs", "0:datalink", "0:maint", "1:nav", "1:display"),
                u.stream().map(x -> x.core() + ":" + x.owner()).toList());
    }

    @Test
    void gapsAndFreeRanges() {
        Lane core0 = ScheduleModel.of(Fixtures.flightControlSession()).plan("normal").lane(0);
        assertArrayEquals(new long[] { 20 * MS, 25 * MS }, core0.gapAt(22 * MS));
        assertArrayEquals(new long[] { 45 * MS, 50 * MS }, core0.gapAt(47 * MS));
        assertNull(core0.gapAt(5 * MS));
        assertTrue(core0.isFree(35 * MS, 40 * MS));
        assertFalse(core0.isFree(34 * MS, 40 * MS));
        assertFalse(core0.isFree(45 * MS, 51 * MS));
        assertEquals("datalink", core0.windowAt(15 * MS).owner());
    }

    @Test
    void overlappingWindowsAreFlaggedWithTheValidatorsText() {
        ScheduleModel m = ScheduleModel.of(Fixtures.inline(Fixtures.oneCore("""
                        window a at 0 ms duration 10 ms
                        window b at 5 ms duration 10 ms
                        window a at 30 ms duration 30 ms
                """)));
        List<WindowBlock> ws = m.plan("main").lane(0).windows();
        assertFalse(ws.get(0).flagged());
        assertTrue(ws.get(1).flagged());
        assertTrue(ws.get(1).problemText().startsWith("[windows-overlap] "), ws.get(1).problemText());
        assertTrue(ws.get(2).problemText().contains("[window-beyond-frame]"), ws.get(2).problemText());
    }

    @Test
    void unresolvedPartitionStillDrawnUnderItsName() {
        ScheduleModel m = ScheduleModel.of(Fixtures.inline(Fixtures.oneCore("        window ghost at 0 ms duration 10 ms\n")));
        WindowBlock w = m.plan("main").lane(0).windows().get(0);
        assertEquals("ghost", w.owner());
        assertTrue(w.problemText().contains("[unresolved-reference]"), w.problemText());
    }
}

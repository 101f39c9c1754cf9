// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.orrery.dsl.orrery.Window;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.diagram.schedule.Lane;
import org.orrery.studio.diagram.schedule.PlanSchedule;
import org.orrery.studio.diagram.schedule.ScheduleEditor;
import org.orrery.studio.diagram.schedule.ScheduleModel;
import org.orrery.studio.diagram.schedule.WindowBlock;
import org.orrery.studio.diagram.schedule.WindowRef;

/**
 * Moves and resizes are region edits of the text (partial re-parse); the change serializer is the reference.
 * Random gestures on every example, applied both ways to twin sessions, must give the same text, no larger edits
 * and the same diagnostics, and the region-edited session must hold what a fresh parse of its text gives.
 */
class RegionEditTest {

    @TestFactory
    Stream<DynamicTest> randomMovesAndResizesMatchTheSerializer() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.examples())) {
            List<Path> files = dirs.map(d -> d.resolve("system.orrery")).filter(Files::isRegularFile).sorted().toList();
            assertTrue(files.size() >= 4, files.toString());
            return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName().toString(),
                    () -> randomGestures(f)));
        }
    }

    private static void randomGestures(Path file) throws IOException {
        String text = Files.readString(file);
        SystemModelSession region = SystemModelSession.open(file.toUri(), text);
        SystemModelSession serializer = SystemModelSession.open(file.toUri(), text);
        Random random = new Random(file.getParent().getFileName().toString().hashCode());
        int gestures = 0;
        for (int i = 0; i < 40; i++) {
            Gesture g = Gesture.random(ScheduleModel.of(region), random);
            if (g == null) {
                break;
            }
            List<TextEdit> byRegion = g.apply(new ScheduleEditor(region));
            List<TextEdit> bySerializer = g.apply(ScheduleEditor.throughSerializer(serializer));
            assertEquals(serializer.text(), region.text(), g + " in " + file);
            assertEquals(labels(serializer.diagnostics()), labels(region.diagnostics()), g + " in " + file);
            // The serializer rewrites a whole time value when its unit changes; the region edit writes the digits
            // and the unit token apart, so it never replaces more than the serializer does.
            assertTrue(weight(byRegion) <= weight(bySerializer), g + ": " + byRegion + " vs " + bySerializer);
            assertEquals(bySerializer.isEmpty(), byRegion.isEmpty(), g.toString());
            gestures += byRegion.isEmpty() ? 0 : 1;
        }
        assertTrue(gestures > 10, "too few gestures changed anything in " + file + ": " + gestures);
        assertSameAsFreshParse(region);
    }

    @Test
    void randomGesturesOnALargeSystemMatchTheSerializerAndAFreshParse() {
        String text = Fixtures.large(200);
        SystemModelSession region = Fixtures.inline(text);
        assertTrue(region.diagnostics().stream().noneMatch(ModelDiagnostic::isError), region.diagnostics().toString());
        SystemModelSession serializer = Fixtures.inline(text);
        Random random = new Random(16);
        for (int i = 0; i < 6; i++) {
            Gesture g = Gesture.random(ScheduleModel.of(region), random);
            g.apply(new ScheduleEditor(region));
            g.apply(ScheduleEditor.throughSerializer(serializer));
            assertEquals(serializer.text(), region.text(), g.toString());
            assertEquals(labels(serializer.diagnostics()), labels(region.diagnostics()), g.toString());
        }
        assertSameAsFreshParse(region);
    }

    @Test
    void aRegionEditChangesOnlyTheDigitsAndReparsesOnlyTheValue() {
        SystemModelSession s = Fixtures.flightControlSession();
        String before = s.text();
        Window window = window(s, 2);
        List<TextEdit> edits = new ScheduleEditor(s).move(new WindowRef("normal", 0, 2), 36 * ScheduleEditorTest.MS);
        int token = before.indexOf("window fcs at 25 ms") + "window fcs at ".length();
        assertEquals(List.of(new TextEdit(token, 2, "36")), edits);
        // A full parse would have made new objects: the window itself survives, only its start is new.
        assertSame(window, window(s, 2));
        assertEquals(36, window.getStart().getValue());
        assertSameAsFreshParse(s);
    }

    @Test
    void deferredValidationCatchesUpOnRequest() {
        String text = Fixtures.flightControlSession().text();
        SystemModelSession s = SystemModelSession.openDeferringValidation(Fixtures.flightControl().toUri(), text);
        assertFalse(s.diagnosticsCurrent());
        assertTrue(s.validate());
        assertFalse(s.validate());
        List<ModelDiagnostic> clean = s.diagnostics();
        long generation = s.generation();
        new ScheduleEditor(s).move(new WindowRef("normal", 0, 2), 15 * ScheduleEditorTest.MS); // over datalink
        assertFalse(s.diagnosticsCurrent());
        assertEquals(clean, s.diagnostics()); // the picture can be drawn before the flags are known
        assertTrue(s.validate());
        assertTrue(s.generation() > generation + 1);
        assertTrue(s.diagnostics().stream().anyMatch(ModelDiagnostic::isError), s.diagnostics().toString());
        assertSameAsFreshParse(s);
    }

    private static Window window(SystemModelSession s, int index) {
        return s.system().plans().stream().filter(p -> "normal".equals(p.getName())).findFirst().orElseThrow()
                .getCores().get(0).getWindows().get(index);
    }

    @Test
    void aUnitChangeKeepsWhatLiesBetweenTheTokens() {
        String text = Fixtures.oneCore("        window a at 0 /* start */ ms duration 10 ms\n").replace("tick 1 ms",
                "tick 100 us");
        SystemModelSession s = Fixtures.inline(text);
        new ScheduleEditor(s).move(new WindowRef("main", 0, 0), 1_530_000L);
        assertEquals(text.replace("at 0 /* start */ ms", "at 1500 /* start */ us"), s.text());
        assertSameAsFreshParse(s);
    }

    @Test
    void anOverlapMadeByAMoveIsReportedAsAfterAFullParse() {
        SystemModelSession s = Fixtures.flightControlSession();
        new ScheduleEditor(s).move(new WindowRef("normal", 0, 2), 15 * ScheduleEditorTest.MS); // over datalink's 10..20 ms
        assertTrue(s.diagnostics().stream().anyMatch(ModelDiagnostic::isError), s.diagnostics().toString());
        assertSameAsFreshParse(s);
    }

    /** The session's diagnostics and schedule are those of a fresh session over its text. */
    static void assertSameAsFreshParse(SystemModelSession s) {
        SystemModelSession fresh = SystemModelSession.open(s.fileUri(), s.text());
        assertEquals(all(fresh.diagnostics()), all(s.diagnostics()));
        assertEquals(ScheduleModel.of(fresh), ScheduleModel.of(s));
    }

    private static int weight(List<TextEdit> edits) {
        return edits.stream().mapToInt(e -> e.length() + e.replacement().length()).sum();
    }

    private static List<String> labels(List<ModelDiagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.severity() + " " + d.label() + " @" + d.objectFragment()).toList();
    }

    // Everything, positions included: after a region edit the node model must give the offsets a full parse gives.
    private static List<String> all(List<ModelDiagnostic> diagnostics) {
        return diagnostics.stream().map(ModelDiagnostic::toString).toList();
    }

    /** A move or resize of a random window to random times (snapping and clamping are the editor's). */
    record Gesture(PlanSchedule plan, Lane lane, WindowBlock window, boolean resize, long start, long end) {

        static Gesture random(ScheduleModel model, Random random) {
            List<Lane> lanes = new ArrayList<>();
            for (PlanSchedule p : model.plans()) {
                p.lanes().stream().filter(l -> !l.windows().isEmpty()).forEach(lanes::add);
            }
            if (lanes.isEmpty()) {
                return null;
            }
            Lane lane = lanes.get(random.nextInt(lanes.size()));
            PlanSchedule plan = model.plans().stream().filter(p -> p.lanes().contains(lane)).findFirst().orElseThrow();
            WindowBlock w = lane.windows().get(random.nextInt(lane.windows().size()));
            long frame = lane.majorFrameNs();
            // Off-tick and out-of-frame times on purpose: the editor snaps and clamps them.
            long a = (long) (random.nextDouble() * frame * 1.1) - frame / 20;
            long b = a + (long) (random.nextDouble() * frame / 3);
            return new Gesture(plan, lane, w, random.nextBoolean(), a, b);
        }

        List<TextEdit> apply(ScheduleEditor editor) {
            return resize ? editor.resize(window.ref(), start, end) : editor.move(window.ref(), start);
        }

        @Override
        public String toString() {
            return (resize ? "resize " : "move ") + window.ref() + " to " + start + (resize ? ".." + end : "");
        }
    }
}

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
 * Moves, resizes, creations and deletions are region edits of the text (partial re-parse); the change serializer is
 * the reference. Random gestures on every example, applied both ways to twin sessions, must give the same text, no
 * larger edits and the same diagnostics, and the region-edited session must hold what a fresh parse of its text gives.
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

    @TestFactory
    Stream<DynamicTest> randomCreatesAndDeletesMatchTheSerializer() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.examples())) {
            List<Path> files = dirs.map(d -> d.resolve("system.orrery")).filter(Files::isRegularFile).sorted().toList();
            return Stream.concat(files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName().toString(),
                    () -> randomStructureEdits(f.toUri(), Files.readString(f),
                            new Random(f.getParent().getFileName().toString().hashCode()), 24))),
                    Stream.of(DynamicTest.dynamicTest("generated, 200 partitions", () -> randomStructureEdits(
                            Fixtures.inline("").fileUri(), Fixtures.large(200), new Random(16), 8))));
        }
    }

    /**
     * Random creates (a random partition in a random free stretch) and deletes, through the serializer and as region
     * edits in a session that validates and one that defers; the region-edited sessions must change their model in
     * place (a core's windows re-parsed and linked alone) and hold what a fresh parse of their text gives.
     */
    private static void randomStructureEdits(java.net.URI uri, String text, Random random, int count) {
        SystemModelSession region = SystemModelSession.open(uri, text);
        SystemModelSession serializer = SystemModelSession.open(uri, text);
        SystemModelSession deferring = SystemModelSession.openDeferringValidation(uri, text);
        int made = 0;
        int inPlace = 0;
        // Picks that find no room and no second window to delete are skipped: on a system of full lanes (wan-router)
        // most are, so picks go on until count edits are made, within a bound.
        for (int picks = 0; made < count && picks < 20 * count; picks++) {
            ScheduleModel model = ScheduleModel.of(region);
            List<Lane> lanes = new ArrayList<>();
            List<String> plans = new ArrayList<>();
            for (PlanSchedule p : model.plans()) {
                for (Lane l : p.lanes()) {
                    if (!l.windows().isEmpty()) {
                        lanes.add(l);
                        plans.add(p.name());
                    }
                }
            }
            int pick = random.nextInt(lanes.size());
            Lane lane = lanes.get(pick);
            String plan = plans.get(pick);
            java.util.function.Function<ScheduleEditor, List<TextEdit>> edit;
            String what;
            long[] gap = lane.gapAt(random.nextLong(lane.majorFrameNs()));
            boolean room = gap != null && gap[1] - gap[0] >= 2 * model.tickNs();
            if (!room && lane.windows().size() == 1) {
                continue;
            }
            if (!room || lane.windows().size() > 1 && random.nextBoolean()) {
                WindowRef ref = lane.windows().get(random.nextInt(lane.windows().size())).ref();
                edit = e -> e.delete(ref);
                what = "delete " + ref;
            } else {
                String partition = model.partitions().get(random.nextInt(model.partitions().size()));
                long start = gap[0];
                long end = gap[0] + Math.max(model.tickNs(), (gap[1] - gap[0]) / 2 / model.tickNs() * model.tickNs());
                edit = e -> e.create(plan, lane.core(), start, end, partition);
                what = "create " + partition + " " + start + ".." + end + " on " + plan + "/" + lane.core();
            }
            Object before = deferring.root().eResource();
            List<TextEdit> byRegion = edit.apply(new ScheduleEditor(region));
            List<TextEdit> bySerializer = edit.apply(ScheduleEditor.throughSerializer(serializer));
            assertEquals(byRegion, edit.apply(new ScheduleEditor(deferring)), what);
            inPlace += deferring.root().eResource() == before ? 1 : 0;
            made++;
            assertEquals(serializer.text(), region.text(), what);
            assertEquals(labels(serializer.diagnostics()), labels(region.diagnostics()), what);
            assertTrue(weight(byRegion) <= weight(bySerializer), what + ": " + byRegion + " vs " + bySerializer);
        }
        assertTrue(made >= Math.min(count, 6), "too few windows created or deleted: " + made);
        assertEquals(made, inPlace, "windows created or deleted in place");
        deferring.validate();
        assertEquals(all(region.diagnostics()), all(deferring.diagnostics()));
        assertSameAsFreshParse(region);
        ConnectRegionEditTest.assertSameAsFreshParse(region);
        ConnectRegionEditTest.assertSameAsFreshParse(deferring);
    }

    @Test
    void aCoresWindowsReparsedAloneKeepTheirFailedLinksOnce() {
        // The second window names a partition that does not exist: its link fails before and after the core's
        // windows are re-parsed by a creation and a deletion, and is reported once.
        String text = Fixtures.oneCore("        window a at 0 ms duration 10 ms\n        window ghost at 20 ms duration 5 ms\n");
        SystemModelSession s = Fixtures.inline(text);
        Object resource = s.root().eResource();
        assertEquals(1, s.diagnostics().stream().filter(d -> d.message().contains("ghost")).count(), s.diagnostics().toString());
        new ScheduleEditor(s).create("main", 0, 30 * ScheduleEditorTest.MS, 40 * ScheduleEditorTest.MS, "b");
        assertTrue(s.text().contains("window ghost at 20 ms duration 5 ms\n        window b at 30 ms duration 10 ms\n"), s.text());
        new ScheduleEditor(s).delete(new WindowRef("main", 0, 0));
        assertSame(resource, s.root().eResource(), "changed in place");
        assertEquals(1, s.diagnostics().stream().filter(d -> d.message().contains("ghost")).count(), s.diagnostics().toString());
        assertSameAsFreshParse(s);
        ConnectRegionEditTest.assertSameAsFreshParse(s);
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

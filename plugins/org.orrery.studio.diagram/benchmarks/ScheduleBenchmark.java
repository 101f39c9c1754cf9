// SPDX-License-Identifier: EPL-2.0
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.orrery.dsl.ide.OrreryIdeSetup;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.diagram.schedule.Lane;
import org.orrery.studio.diagram.schedule.ScheduleEditor;
import org.orrery.studio.diagram.schedule.ScheduleModel;
import org.orrery.studio.diagram.schedule.WindowRef;

import com.google.inject.Injector;

/**
 * Schedule timeline benchmark (reported, not asserted): "timeline ready" = session open (parse + validation
 * with every rule, as the editor needs the diagnostics) + schedule model build, against the baseline of a
 * plain Xtext parse of the same text (no validation, no model) in the same JVM. Round 1 is cold, later rounds
 * warm. Also times one graphical move of a window both ways, in the same round: as a region edit of the text
 * (partial re-parse + validation, what the editor does) and through Xtext's change serializer (+ full re-parse),
 * each followed by the schedule model the page redraws from. Then the same with validation deferred, as the
 * system editor runs it: "drawn" is the picture without the new flags, "flagged" adds the validation.
 */
public final class ScheduleBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String text = Files.readString(file);
        long injectorStart = System.nanoTime();
        Injector injector = new OrreryIdeSetup().createInjectorAndDoEMFRegistration();
        System.out.printf(Locale.ROOT, "%s: %,d bytes, %d lines; language injector %.0f ms (once per JVM, not counted)%n",
                file.getFileName(), text.length(), text.lines().count(), ms(System.nanoTime() - injectorStart));
        for (int round = 1; round <= rounds; round++) {
            long b0 = System.nanoTime();
            XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
            XtextResource r = (XtextResource) set.createResource(URI.createFileURI(file.toString()));
            r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), set.getLoadOptions());
            long baseline = System.nanoTime() - b0;

            long s0 = System.nanoTime();
            SystemModelSession session = SystemModelSession.open(file.toUri(), text);
            long opened = System.nanoTime();
            ScheduleModel model = ScheduleModel.of(session);
            long ready = System.nanoTime();

            int lanes = model.plans().stream().mapToInt(p -> p.lanes().size()).sum();
            int windows = model.plans().stream().flatMap(p -> p.lanes().stream()).mapToInt(l -> l.windows().size()).sum();
            long tick = model.tickNs();
            // Region edit: lane 0's first window, one tick later (the editor's path).
            Lane lane = model.defaultPlan().lanes().get(0);
            long e0 = System.nanoTime();
            List<TextEdit> edits = new ScheduleEditor(session).move(lane.windows().get(0).ref(),
                    lane.windows().get(0).startNs() + tick);
            long edited = System.nanoTime();
            ScheduleModel.of(session);
            long redrawn = System.nanoTime();
            // The same move of lane 1's first window through the change serializer.
            Lane lane1 = model.defaultPlan().lanes().get(1);
            long c0 = System.nanoTime();
            List<TextEdit> serialized = ScheduleEditor.throughSerializer(session).move(lane1.windows().get(0).ref(),
                    lane1.windows().get(0).startNs() + tick);
            long cEdited = System.nanoTime();
            ScheduleModel.of(session);
            long cRedrawn = System.nanoTime();

            long total = ready - s0;
            System.out.printf(Locale.ROOT, "round %d (%s): baseline plain Xtext parse %.0f ms | session open (parse+validate) %.0f ms"
                    + " + schedule model %.0f ms = timeline ready %.0f ms (%.2fx baseline; goal <= 2000 ms) | %d plans, %d lanes,"
                    + " %d windows, %d diagnostics | move as region edit %.0f ms (%d text edit(s), %d chars) + model %.0f ms"
                    + " | move through the change serializer %.0f ms (%d text edit(s)) + model %.0f ms%n",
                    round, round == 1 ? "cold" : "warm", ms(baseline), ms(opened - s0), ms(ready - opened), ms(total),
                    (double) total / baseline, model.plans().size(), lanes, windows, session.diagnostics().size(),
                    ms(edited - e0), edits.size(), edits.stream().mapToInt(e -> e.replacement().length()).sum(),
                    ms(redrawn - edited), ms(cEdited - c0), serialized.size(), ms(cRedrawn - cEdited));
            session = null;

            long d0 = System.nanoTime();
            SystemModelSession deferred = SystemModelSession.openDeferringValidation(file.toUri(), text);
            ScheduleModel shown = ScheduleModel.of(deferred);
            long drawn = System.nanoTime();
            deferred.validate();
            ScheduleModel.of(deferred);
            long flagged = System.nanoTime();
            // Ten moves in a row, each drawn then flagged; wall and this thread's CPU time (the machine may be shared).
            long[] drawnWall = new long[MOVES], drawnCpu = new long[MOVES], flaggedWall = new long[MOVES];
            for (int i = 0; i < MOVES; i++) {
                Lane l = shown.defaultPlan().lanes().get(2 + i);
                long w0 = System.nanoTime(), u0 = CPU.getCurrentThreadCpuTime();
                new ScheduleEditor(deferred).move(l.windows().get(0).ref(), l.windows().get(0).startNs() + tick);
                shown = ScheduleModel.of(deferred);
                drawnWall[i] = System.nanoTime() - w0;
                drawnCpu[i] = CPU.getCurrentThreadCpuTime() - u0;
                long f0 = System.nanoTime();
                deferred.validate();
                shown = ScheduleModel.of(deferred);
                flaggedWall[i] = System.nanoTime() - f0;
            }
            System.out.printf(Locale.ROOT, "round %d, validation deferred: timeline drawn %.0f ms (%.2fx baseline), flagged"
                    + " +%.0f ms | %d moves: drawn median %.0f ms (CPU %.0f ms), flagged +%.0f ms median%n", round,
                    ms(drawn - d0), (double) (drawn - d0) / baseline, ms(flagged - drawn), MOVES, median(drawnWall),
                    median(drawnCpu), median(flaggedWall));
            // Ten windows created in free stretches of other cores, then deleted again, each drawn then flagged; one
            // creation through the change serializer as the reference.
            long[] createWall = new long[MOVES], deleteWall = new long[MOVES], structureFlagged = new long[2 * MOVES];
            String plan = shown.defaultPlan().name();
            for (int i = 0; i < MOVES; i++) {
                Lane l = shown.defaultPlan().lanes().get(2 + MOVES + i);
                long[] gap = l.gapAt(l.windows().get(l.windows().size() - 1).endNs());
                long w0 = System.nanoTime();
                new ScheduleEditor(deferred).create(plan, l.core(), gap[0], gap[0] + tick, l.windows().get(0).owner());
                shown = ScheduleModel.of(deferred);
                createWall[i] = System.nanoTime() - w0;
                long f0 = System.nanoTime();
                deferred.validate();
                shown = ScheduleModel.of(deferred);
                structureFlagged[i] = System.nanoTime() - f0;
            }
            for (int i = 0; i < MOVES; i++) {
                Lane l = shown.defaultPlan().lanes().get(2 + MOVES + i);
                long w0 = System.nanoTime();
                new ScheduleEditor(deferred).delete(l.windows().get(l.windows().size() - 1).ref());
                shown = ScheduleModel.of(deferred);
                deleteWall[i] = System.nanoTime() - w0;
                long f0 = System.nanoTime();
                deferred.validate();
                shown = ScheduleModel.of(deferred);
                structureFlagged[MOVES + i] = System.nanoTime() - f0;
            }
            Lane l = shown.defaultPlan().lanes().get(2 + 2 * MOVES);
            long[] gap = l.gapAt(l.windows().get(l.windows().size() - 1).endNs());
            long z0 = System.nanoTime();
            ScheduleEditor.throughSerializer(deferred).create(plan, l.core(), gap[0], gap[0] + tick, l.windows().get(0).owner());
            ScheduleModel.of(deferred);
            long serializerCreate = System.nanoTime() - z0;
            System.out.printf(Locale.ROOT, "round %d, validation deferred: %d creates drawn median %.0f ms, %d deletes drawn"
                    + " median %.0f ms, flagged +%.0f ms median | one create through the change serializer %.0f ms (%.0fx"
                    + " the region create)%n", round, MOVES, median(createWall), MOVES, median(deleteWall),
                    median(structureFlagged), ms(serializerCreate), ms(serializerCreate) / median(createWall));
        }
    }

    private static final int MOVES = 10;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static double median(long[] ns) {
        long[] sorted = ns.clone();
        java.util.Arrays.sort(sorted);
        return ms(sorted[sorted.length / 2]);
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}

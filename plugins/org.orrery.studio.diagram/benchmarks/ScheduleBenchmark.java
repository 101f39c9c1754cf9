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
 * each followed by the schedule model the page redraws from.
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
        }
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}

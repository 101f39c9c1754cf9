// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.OrreryFactory;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Time;
import org.orrery.dsl.orrery.TimeUnit;
import org.orrery.dsl.orrery.Window;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;

class SystemModelSessionTest {

    @Test
    void parsesTheExampleWithoutErrors() {
        SystemModelSession s = Fixtures.flightControlSession();
        assertEquals("flight_control", s.root().getSystem().getName());
        assertTrue(s.diagnostics().stream().noneMatch(ModelDiagnostic::isError), s.diagnostics().toString());
        assertEquals(2, s.system().plans().size());
    }

    @Test
    void movingAWindowChangesOnlyItsStart() {
        SystemModelSession s = Fixtures.flightControlSession();
        String before = s.text();
        // normal plan, core 0, third window: "window fcs at 25 ms duration 10 ms"
        String line = "window fcs at 25 ms duration 10 ms";
        int lineAt = before.indexOf(line);
        int startToken = lineAt + "window fcs at ".length();
        List<TextEdit> edits = s.edit(m -> window(m.getElements().stream().filter(Plan.class::isInstance)
                .map(Plan.class::cast).findFirst().orElseThrow(), 0, 2).getStart().setValue(30));
        assertFalse(edits.isEmpty());
        for (TextEdit e : edits) {
            // Every replacement lies inside the "25 ms" token: nothing else of the file is rewritten.
            assertTrue(e.offset() >= startToken && e.offset() + e.length() <= startToken + "25 ms".length(),
                    "edit outside the start token: " + e);
        }
        String after = TextEdit.apply(before, edits);
        assertEquals(before.replace(line, "window fcs at 30 ms duration 10 ms"), after);
        assertEquals(after, s.text());
        assertEquals(30, window(s.system().plans().get(0), 0, 2).getStart().getValue());
    }

    @Test
    void commentsAndLayoutSurviveAnEdit() {
        String text = Fixtures.oneCore("""
                        // first window, hand-aligned
                        window a   at  0 ms   duration 10 ms   // keep me
                        window b at 20 ms duration 10 ms
                """);
        SystemModelSession s = Fixtures.inline(text);
        List<TextEdit> edits = s.edit(m -> {
            Window w = window((Plan) m.getElements().get(m.getElements().size() - 1), 0, 1);
            w.getDuration().setValue(5);
        });
        assertEquals(text.replace("window b at 20 ms duration 10 ms", "window b at 20 ms duration 5 ms"), s.text());
        assertEquals(1, edits.size(), edits.toString());
    }

    @Test
    void unitChangeRewritesTheWholeValue() {
        SystemModelSession s = Fixtures.inline(Fixtures.oneCore("        window a at 0 ms duration 10 ms\n"));
        s.edit(m -> {
            Window w = window((Plan) m.getElements().get(m.getElements().size() - 1), 0, 0);
            // A new value object: Xtext's partial serializer cannot rewrite an enum token in place.
            Time t = OrreryFactory.eINSTANCE.createTime();
            t.setValue(1500);
            t.setUnit(TimeUnit.US);
            w.setStart(t);
        });
        assertTrue(s.text().contains("window a at 1500 us duration 10 ms"), s.text());
    }

    @Test
    void diagnosticsCarryRuleCodesAndTheirObject() {
        SystemModelSession s = Fixtures.inline(Fixtures.oneCore("""
                        window a at 0 ms duration 10 ms
                        window b at 5 ms duration 10 ms
                """));
        ModelDiagnostic overlap = s.diagnostics().stream().filter(d -> d.code().equals("windows-overlap"))
                .findFirst().orElseThrow(() -> new AssertionError(s.diagnostics().toString()));
        Window second = window(s.system().plans().get(0), 0, 1);
        assertEquals(second, s.objectOf(overlap));
        assertEquals(List.of(overlap), s.diagnosticsOf(second));
        assertEquals(s.text().indexOf("5 ms"), overlap.offset());
        assertTrue(overlap.label().startsWith("[windows-overlap] "));
    }

    @Test
    void updateReparsesOnlyChangedText() {
        SystemModelSession s = Fixtures.inline(Fixtures.oneCore("        window a at 0 ms duration 10 ms\n"));
        long g = s.generation();
        assertFalse(s.update(s.text()));
        assertEquals(g, s.generation());
        assertTrue(s.update(s.text().replace("duration 10 ms", "duration 60 ms")));
        assertTrue(s.diagnostics().stream().anyMatch(d -> d.code().equals("window-beyond-frame")));
        assertNotNull(s.root());
    }

    @Test
    void aParsePreparedOnAnotherThreadIsInstalledLater() throws Exception {
        SystemModelSession s = Fixtures.inline(Fixtures.oneCore("        window a at 0 ms duration 10 ms\n"));
        String typed = s.text().replace("duration 10 ms", "duration 70 ms");
        var parse = java.util.concurrent.CompletableFuture.supplyAsync(() -> s.prepare(typed)).get();
        assertEquals(Fixtures.oneCore("        window a at 0 ms duration 10 ms\n"), s.text()); // untouched so far
        long g = s.generation();
        s.install(parse);
        assertEquals(typed, s.text());
        assertEquals(g + 1, s.generation());
        assertEquals(70, window(s.system().plans().get(0), 0, 0).getDuration().getValue());
        assertTrue(s.diagnostics().stream().anyMatch(d -> d.code().equals("window-beyond-frame")));
    }

    @Test
    void aBrokenChangeLeavesTheSessionAsItWas() {
        SystemModelSession s = Fixtures.inline(Fixtures.oneCore("        window a at 0 ms duration 10 ms\n"));
        String before = s.text();
        assertThrows(IllegalStateException.class, () -> s.edit(m -> {
            throw new IllegalArgumentException("refused");
        }));
        assertEquals(before, s.text());
    }

    static Window window(Plan plan, int core, int index) {
        CoreSchedule cs = plan.getCores().stream().filter(c -> c.getCore() == core).findFirst().orElseThrow();
        return cs.getWindows().get(index);
    }
}

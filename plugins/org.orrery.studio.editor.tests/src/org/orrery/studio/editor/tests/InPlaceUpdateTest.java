// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.ReplaceableResource;
import org.orrery.studio.editor.core.UnchangedModelValidator;
import org.orrery.studio.editor.core.Uris;

/**
 * Keystrokes update the open document's resource in place (Xtext's partial parser re-parses only the changed
 * region); the result must be what a parse from scratch gives. One server receives seeded random edits as the
 * editor sends them, one incremental change each; a second server is given each resulting text as a freshly opened
 * document, which Xtext parses in full. After every edit both must hold the same model, the same node model and
 * publish the same diagnostics.
 */
class InPlaceUpdateTest {

    private static final int EDITS = 60;

    @TempDir
    Path incrementalFolder;

    @TempDir
    Path fullFolder;

    @Test
    void randomEditsGiveTheModelAndDiagnosticsOfAFullParse() throws Exception {
        String original = system(8);
        Path incrementalFile = incrementalFolder.resolve("rack.orrery");
        Path fullFile = fullFolder.resolve("rack.orrery");
        Files.writeString(incrementalFile, original);
        Files.writeString(fullFile, original);
        String incrementalUri = Uris.of(incrementalFile);
        String fullUri = Uris.of(fullFile);
        try (OrreryLanguageService incremental = OrreryLanguageService.start(incrementalFolder.toUri());
                OrreryLanguageService full = OrreryLanguageService.start(fullFolder.toUri())) {
            Latest typed = new Latest(incremental, incrementalUri);
            Latest parsed = new Latest(full, fullUri);
            IDocument doc = new Document(original);
            LspDocument lsp = new LspDocument(incremental, incrementalUri, doc).open();
            Random random = new Random(16);
            int sameResource = 0;
            int sameRoot = 0;
            int linkedAlone = 0;
            ModelDump last = dump(incremental, incrementalUri);
            for (int i = 0; i < EDITS; i++) {
                String before = doc.get();
                edit(doc, original, random);
                String text = doc.get();

                ModelDump afterTyping = dump(incremental, incrementalUri);
                assertEquals(text, afterTyping.text(), "the server's text after edit " + i);
                LspDocument reopened = new LspDocument(full, fullUri, new Document(text)).open();
                ModelDump afterParsing = dump(full, fullUri);
                // read before the close: closing has the server build the file on disk (the original text) and
                // publish its diagnostics, racing this thread (a CI run compared the disk file's [] with the edit's)
                String parsedDiagnostics = parsed.text();
                reopened.close();

                String where = "after edit " + i + " (" + describe(before, text) + ")";
                assertEquals(afterParsing.model(), afterTyping.model(), "model " + where);
                assertEquals(afterParsing.nodes(), afterTyping.nodes(), "node model " + where);
                assertEquals(parsedDiagnostics, typed.text(), "diagnostics " + where);
                sameResource += afterTyping.resource() == last.resource() ? 1 : 0;
                sameRoot += afterTyping.root() == last.root() ? 1 : 0;
                linkedAlone += linking(incremental, incrementalUri) == ReplaceableResource.Linking.SUBTREE ? 1 : 0;
                last = afterTyping;
            }
            lsp.close();
            // Without these the test would also pass with every keystroke parsed from scratch.
            assertEquals(EDITS, sameResource, "every edit updated the open document's resource in place");
            // Most random edits break the syntax, which the partial parser answers with a full parse; some must not.
            assertTrue(sameRoot > 0, "the partial parser kept the model's root (re-parsed a region) in "
                    + sameRoot + " of " + EDITS + " edits");
            // And of those, edits that replaced an object no scope sees linked that object alone.
            assertTrue(linkedAlone > 0, "the replaced object was linked alone in " + linkedAlone + " of " + EDITS
                    + " edits");
        }
    }

    @Test
    void aDigitTypedInAWindowReparsesThatRegionOnly() throws Exception {
        String original = system(8);
        Path file = incrementalFolder.resolve("rack.orrery");
        Files.writeString(file, original);
        String uri = Uris.of(file);
        try (OrreryLanguageService service = OrreryLanguageService.start(incrementalFolder.toUri())) {
            IDocument doc = new Document(original);
            LspDocument lsp = new LspDocument(service, uri, doc).open();
            ModelDump before = dump(service, uri);
            String window = "window p3 at 30 ms duration 5 ms";
            doc.replace(original.indexOf(window) + window.indexOf('5'), 1, "7");
            ModelDump after = dump(service, uri);
            ReplaceableResource.Linking linked = linking(service, uri);
            lsp.close();

            assertEquals(before.resource(), after.resource(), "the same resource");
            assertEquals(before.root(), after.root(), "the same model root: the plan was re-parsed, not the file");
            String duration = before.model().lines().filter(l -> l.contains("@windows.3/@duration ")).findFirst()
                    .orElseThrow();
            assertEquals(before.model().replace(duration, duration.replace("value=5", "value=7")), after.model());
            assertEquals(ReplaceableResource.Linking.SUBTREE, linked, "only the new duration was linked");
        }
    }

    /**
     * Opening a file with the text the workspace build read from disk keeps that build's resource and its issues
     * (parsing and validating 40,000 lines again took most of the time to the first diagnostics); opened with another
     * text (unsaved changes in the editor), the document is parsed from its own text, and its diagnostics say what
     * that text holds.
     */
    @Test
    void openKeepsTheWorkspaceBuildsResourceOnlyForTheSameText() throws Exception {
        String text = system(3);
        Path file = incrementalFolder.resolve("rack.orrery");
        Files.writeString(file, text);
        String uri = Uris.of(file);
        try (OrreryLanguageService service = OrreryLanguageService.start(incrementalFolder.toUri())) {
            Latest published = new Latest(service, uri);
            awaitPublished(published);
            ModelDump built = dump(service, uri);
            long reused = UnchangedModelValidator.reused();
            LspDocument lsp = new LspDocument(service, uri, new Document(text)).open();
            ModelDump opened = dump(service, uri);
            lsp.close();
            assertEquals(built.resource(), opened.resource(), "the workspace build's resource");
            assertEquals(built.root(), opened.root(), "the workspace build's model");
            assertEquals(reused + 1, UnchangedModelValidator.reused(), "and that build's validation");
        }
        String unsaved = text.replace("window p1 at 10 ms duration 5 ms", "window p1 at 10 ms duration 500 ms");
        try (OrreryLanguageService service = OrreryLanguageService.start(incrementalFolder.toUri())) {
            Latest published = new Latest(service, uri);
            awaitPublished(published);
            ModelDump built = dump(service, uri);
            LspDocument lsp = new LspDocument(service, uri, new Document(unsaved)).open();
            ModelDump opened = dump(service, uri);
            // What the editor shows is the last list published: the open's, however late the workspace build's came.
            awaitPublished(published, "window-beyond-frame");
            dump(service, uri);
            String shown = published.text();
            lsp.close();
            assertNotEquals(built.root(), opened.root(), "parsed from the editor's text");
            assertEquals(unsaved, opened.text());
            assertTrue(shown.contains("window-beyond-frame"), "shown after the open: " + shown);
        }
    }

    private static void awaitPublished(Latest published) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (published.diagnostics == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertNotNull(published.diagnostics, "the server published diagnostics for the file");
    }

    /** Waits until the last list published names {@code code}, failing with the last list after a minute. */
    private static void awaitPublished(Latest published, String code) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!published.text().contains(code) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(published.text().contains(code), "published after the open: " + published.text());
    }

    /**
     * A file that already holds a rule's error, opened with the text the workspace build read from disk: the editor
     * shows the error at once (the build of the open document validates it and publishes the diagnostics).
     */
    @Test
    void opensAFileWithAnErrorAndPublishesIt() throws Exception {
        String text = system(2).replace("window p1 at 10 ms duration 5 ms", "window p1 at 10 ms duration 500 ms");
        Path file = incrementalFolder.resolve("rack.orrery");
        Files.writeString(file, text);
        String uri = Uris.of(file);
        try (OrreryLanguageService service = OrreryLanguageService.start(incrementalFolder.toUri())) {
            Latest published = new Latest(service, uri);
            LspDocument lsp = new LspDocument(service, uri, new Document(text)).open();
            dump(service, uri);
            lsp.close();
            assertTrue(published.text().contains("window-beyond-frame"), "published on open: " + published.text());
        }
    }

    /**
     * One random edit where people type: a digit changed, a character inserted or deleted, a line broken, a word
     * typed; now and then the whole difference to the original text is typed back in one replacement (a paste,
     * an undo), so that broken syntax does not pile up and both valid and broken states are met.
     */
    private static void edit(IDocument doc, String original, Random random) throws Exception {
        String text = doc.get();
        int at = random.nextInt(text.length());
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                int digit = nextDigit(text, at);
                doc.replace(digit, 1, Integer.toString(random.nextInt(10)));
            }
            case 2 -> doc.replace(at, 0, String.valueOf(" x9{}\n".charAt(random.nextInt(6))));
            case 3 -> doc.replace(at, Math.min(1 + random.nextInt(3), text.length() - at), "");
            case 4 -> doc.replace(lineStart(text, at), 0, "    window p1 at 1 ms duration 1 ms\n");
            case 5 -> doc.replace(at, 0, "partition");
            default -> {
                int prefix = 0;
                while (prefix < text.length() && prefix < original.length()
                        && text.charAt(prefix) == original.charAt(prefix)) {
                    prefix++;
                }
                int suffix = 0;
                while (suffix < text.length() - prefix && suffix < original.length() - prefix
                        && text.charAt(text.length() - 1 - suffix) == original.charAt(original.length() - 1 - suffix)) {
                    suffix++;
                }
                doc.replace(prefix, text.length() - prefix - suffix,
                        original.substring(prefix, original.length() - suffix));
            }
        }
    }

    private static int nextDigit(String text, int from) {
        for (int i = 0; i < text.length(); i++) {
            int at = (from + i) % text.length();
            if (Character.isDigit(text.charAt(at))) {
                return at;
            }
        }
        return from;
    }

    private static int lineStart(String text, int at) {
        return text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    }

    private static String describe(String before, String after) {
        int prefix = 0;
        while (prefix < before.length() && prefix < after.length() && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int end = Math.min(after.length(), prefix + 40);
        return "at " + prefix + ": " + after.substring(Math.max(0, prefix - 20), end).replace("\n", "\\n");
    }

    /** The server's model of {@code uri}, read after every change sent before (reads wait for the build). */
    private static ModelDump dump(OrreryLanguageService service, String uri) throws Exception {
        return service.read(uri, (XtextResource r) -> ModelDump.of(r)).get(ServerSession.TIMEOUT.toSeconds(),
                TimeUnit.SECONDS);
    }

    private static ReplaceableResource.Linking linking(OrreryLanguageService service, String uri) throws Exception {
        return service.read(uri, (XtextResource r) -> ((ReplaceableResource) r).lastLinking())
                .get(ServerSession.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The diagnostics last published for one document (published during the build, before any later read). */
    private static final class Latest {
        volatile List<Diagnostic> diagnostics;

        Latest(OrreryLanguageService service, String uri) {
            service.onDiagnostics(uri, d -> diagnostics = d);
        }

        // LSP4J's equals compares a diagnostic's data (Xtext's issue data, an array) by identity; its text is exact.
        String text() {
            return String.valueOf(diagnostics);
        }
    }

    /** A system of {@code partitions} partitions on one core, a channel between neighbours, one plan. */
    static String system(int partitions) {
        StringBuilder s = new StringBuilder("system rack\n\nboard sim {\n    cores 1\n    memory 256 MiB\n    tick 1 ms\n}\n\n");
        for (int p = 0; p < partitions; p++) {
            s.append("partition p").append(p).append(" {\n    cores 0\n    memory 8 MiB\n    application \"rack.P")
                    .append(p).append("\"\n    process work periodic period 100 ms wcet 1 ms priority ").append(1 + p % 5)
                    .append("\n    port out_").append(p).append(" sampling out size 8 B\n    port in_").append(p)
                    .append(" sampling in size 8 B refresh 200 ms\n}\n\n");
        }
        for (int p = 0; p < partitions; p++) {
            s.append("channel c").append(p).append(" sampling from p").append(p).append(".out_").append(p)
                    .append(" to p").append((p + 1) % partitions).append(".in_").append((p + 1) % partitions)
                    .append('\n');
        }
        s.append("\nplan main {\n    core 0 major-frame 100 ms {\n");
        for (int p = 0; p < partitions; p++) {
            s.append("        window p").append(p).append(" at ").append(p * 10).append(" ms duration 5 ms\n");
        }
        return s.append("    }\n}\n").toString();
    }
}

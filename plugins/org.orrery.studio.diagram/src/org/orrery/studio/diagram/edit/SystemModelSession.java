// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.edit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.serializer.IEmfResourceChange;
import org.eclipse.xtext.ide.serializer.ITextDocumentChange;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Model;

/**
 * The system model behind one document, for graphical editors. It parses the document's text (not the file
 * on disk: the buffer may be dirty) into an Xtext resource with the file's URI, so imports resolve next to
 * the file, and validates it with the language's own rules. Graphical edits are EMF changes recorded by
 * Xtext's change serializer, which turns them into the few text replacements that realise them; comments and
 * layout elsewhere stay untouched. Edits whose text the caller can compute itself from the node model (a new
 * time value, a window's line, a channel's declaration) skip the serializer: {@link #editText} writes them and
 * re-parses only the rule around them, {@link #insertDeclaration} and {@link #editDeclaration} parse just the one
 * declaration, which on a large system is what makes a drag interactive; {@link #checkpoint} and {@link #restore}
 * take a withdrawn edit back. Not thread-safe: one owner (e.g. the UI thread) drives it; only {@link #prepare} may
 * run elsewhere.
 */
public final class SystemModelSession {

    private final URI uri;
    private String text;
    private XtextResource resource;
    private List<ModelDiagnostic> diagnostics = List.of();
    private long generation;
    private boolean deferValidation;
    private boolean validated = true;
    private Map<EObject, List<ModelDiagnostic>> byObject;
    private long byObjectGeneration;
    /** Changes of the text so far; the last one that changed the resource in place; that one if it was a splice. */
    private long changes;
    private long lastInPlace;
    private ElementSplice.Splice lastSplice;

    private SystemModelSession(URI uri) {
        this.uri = uri;
    }

    /** A session over {@code text}, the content of the file at {@code fileUri} (a {@code file:} URI). */
    public static SystemModelSession open(java.net.URI fileUri, String text) {
        SystemModelSession session = new SystemModelSession(URI.createURI(fileUri.toString()));
        session.parse(text);
        return session;
    }

    /**
     * A session that does not validate as it parses: {@link #diagnostics()} are those of an earlier text (after a
     * region edit, whose objects keep their places) or none, until the owner calls {@link #validate()}. On a large
     * system validation costs more than the parse; deferring it lets a view draw the new picture first and
     * flag the problems a moment later.
     */
    public static SystemModelSession openDeferringValidation(java.net.URI fileUri, String text) {
        SystemModelSession session = new SystemModelSession(URI.createURI(fileUri.toString()));
        session.deferValidation = true;
        session.parse(text);
        return session;
    }

    /** Whether {@link #diagnostics()} describe the current text (always, unless validation is deferred). */
    public boolean diagnosticsCurrent() {
        return validated;
    }

    /**
     * Validates the current text if a deferred parse or edit left the diagnostics behind; answers whether it did
     * (the generation then moves on, so views redraw their flags).
     */
    public boolean validate() {
        if (validated) {
            return false;
        }
        diagnostics = Language.validate(resource);
        validated = true;
        generation++;
        return true;
    }

    /**
     * Re-reads the model from {@code newText} (after a text edit). Returns false, doing nothing, when the text
     * is what the session already holds, e.g. when a graphical edit comes back through the document.
     */
    public boolean update(String newText) {
        if (newText.equals(text)) {
            return false;
        }
        parse(newText);
        return true;
    }

    /** The parsed file's root; partially filled when the text has syntax errors. */
    public Model root() {
        return resource.getContents().isEmpty() ? null : (Model) resource.getContents().get(0);
    }

    /** The whole system of the file: itself plus what it imports. */
    public SystemView system() {
        Model root = root();
        return root == null ? null : SystemView.of(root);
    }

    public String text() {
        return text;
    }

    /** Whether the current text has syntax errors (the model is then partial). */
    public boolean hasSyntaxErrors() {
        return resource.getParseResult() != null && resource.getParseResult().hasSyntaxErrors();
    }

    public java.net.URI fileUri() {
        return java.net.URI.create(uri.toString());
    }

    /** Increments on every re-parse and deferred validation, so views can tell whether their picture is current. */
    public long generation() {
        return generation;
    }

    /** Every problem of this file, in text order. */
    public List<ModelDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** The problems reported on {@code object} itself (not on its children). */
    public List<ModelDiagnostic> diagnosticsOf(EObject object) {
        if (object == null || object.eResource() != resource || diagnostics.isEmpty()) {
            return List.of();
        }
        // Views ask for every object they draw: resolve the few diagnostics once rather than computing a URI
        // fragment per object (a tenth of a schedule redraw on 1,000 partitions).
        if (byObject == null || byObjectGeneration != generation) {
            byObject = new IdentityHashMap<>();
            for (ModelDiagnostic d : diagnostics) {
                EObject target = d.objectFragment() == null ? null : resource.getEObject(d.objectFragment());
                if (target != null) {
                    byObject.computeIfAbsent(target, k -> new ArrayList<>()).add(d);
                }
            }
            byObjectGeneration = generation;
        }
        return List.copyOf(byObject.getOrDefault(object, List.of()));
    }

    /** The object a diagnostic is about, or null. */
    public EObject objectOf(ModelDiagnostic diagnostic) {
        return diagnostic.objectFragment() == null ? null : resource.getEObject(diagnostic.objectFragment());
    }

    /**
     * Applies {@code change} to the model and answers the minimal text edits that realise it (against the
     * text before the change). The session then holds the edited text, re-parsed: model objects obtained
     * before the call are stale afterwards. A change the serializer cannot express throws
     * {@link IllegalStateException} and leaves the session as it was.
     */
    public List<TextEdit> edit(Consumer<Model> change) {
        Model root = root();
        if (root == null) {
            throw new IllegalStateException("The file has no model to edit.");
        }
        String before = text;
        List<TextEdit> edits = new ArrayList<>();
        // The serializer records the change on this resource's model: it is no longer the text's.
        changedInPlace(null);
        try {
            IChangeSerializer serializer = Language.injector().getInstance(IChangeSerializer.class);
            // Only this document can be changed by the caller; other files are not ours to rewrite.
            serializer.setUpdateRelatedFiles(false);
            serializer.addModification(resource, r -> change.accept(root));
            List<IEmfResourceChange> changes = new ArrayList<>();
            serializer.applyModifications(changes::add);
            for (IEmfResourceChange c : changes) {
                if (c instanceof ITextDocumentChange doc && uri.equals(doc.getOldURI())) {
                    for (ITextReplacement r : doc.getReplacements()) {
                        edits.add(new TextEdit(r.getOffset(), r.getLength(), r.getReplacementText()));
                    }
                }
            }
        } catch (RuntimeException e) {
            parse(before);
            throw new IllegalStateException("The change cannot be written as text: " + describe(e), e);
        }
        parse(TextEdit.apply(before, edits));
        return List.copyOf(edits);
    }

    /**
     * Region-scoped edit: applies {@code edits} (non-overlapping, offsets against the current text) to the text
     * and brings the model in step by re-parsing only the grammar rule around them ({@link PartialReparse}),
     * falling back to a full parse where that cannot be done; then validates. The result is the state a full
     * parse of the new text gives. Model objects obtained before the call may be stale afterwards.
     */
    public List<TextEdit> editText(List<TextEdit> edits) {
        return editText(edits, null);
    }

    /**
     * As {@link #editText(List)}, re-parsing at least up to the end of {@code within}'s last token: an insertion
     * right after one element of a list (a window after another) would otherwise be taken for a change of that
     * element, which the partial parser cannot re-parse alone, and the whole text would be parsed.
     */
    public List<TextEdit> editText(List<TextEdit> edits, EObject within) {
        if (edits.isEmpty()) {
            return List.of();
        }
        String after = TextEdit.apply(text, edits);
        // One re-parse for the batch: the region from the first edit to the end of the last one.
        int from = edits.stream().mapToInt(TextEdit::offset).min().orElseThrow();
        int to = edits.stream().mapToInt(e -> e.offset() + e.length()).max().orElseThrow();
        if (within != null && within.eResource() == resource) {
            to = Math.max(to, ElementText.endOf(within));
        }
        int newTo = to + after.length() - text.length();
        if (PartialReparse.apply(resource, from, to - from, after.substring(from, newTo))) {
            inStep(after, null);
        } else {
            parse(after);
        }
        return List.copyOf(edits);
    }

    /**
     * Inserts one new top-level declaration: {@code edit} inserts text holding one declaration (and the line break
     * before it) right after the last token of another. The declaration is parsed alone and linked into the model
     * ({@link ElementSplice}); where that cannot be done, the whole new text is parsed. Then validates, unless
     * validation is deferred ({@link #problemsOf} answers for the new declaration alone meanwhile). The result is
     * the state a full parse of the new text gives. Model objects obtained before the call may be stale afterwards.
     */
    public void insertDeclaration(TextEdit edit) {
        if (edit.length() != 0) {
            throw new IllegalArgumentException("not an insertion: " + edit);
        }
        spliced(ElementSplice.insert(resource, text, edit.offset(), edit.replacement()), edit);
    }

    /**
     * Changes one top-level declaration: {@code edit} lies within it. The declaration's new text is parsed alone and
     * takes the old one's place ({@link ElementSplice}), even where it holds cross-references (the partial parser
     * of {@link #editText} would re-link the whole file); where that cannot be done, the whole new text is parsed.
     * Then validates, unless deferred. Model objects obtained before the call may be stale afterwards.
     */
    public void editDeclaration(TextEdit edit) {
        spliced(ElementSplice.replace(resource, text, edit.offset(), edit.length(), edit.replacement()), edit);
    }

    /**
     * Takes one top-level declaration out: {@code edit} removes its text (its lines, or its tokens). The declaration's
     * node and object leave the model ({@link ElementSplice}); where that cannot be done, the whole new text is
     * parsed. Then validates, unless deferred.
     */
    public void removeDeclaration(EObject declaration, TextEdit edit) {
        spliced(ElementSplice.remove(resource, text, declaration, edit), edit);
    }

    private void spliced(ElementSplice.Splice splice, TextEdit edit) {
        if (splice == null) {
            parse(TextEdit.apply(text, List.of(edit)));
        } else {
            // The splice already wrote the new text into the parse result.
            inStep(resource.getParseResult().getRootNode().getText(), splice);
        }
    }

    /** The resource was brought in step with {@code after} in place (by {@code splice}, if any); validates it. */
    private void inStep(String after, ElementSplice.Splice splice) {
        changedInPlace(splice);
        text = after;
        generation++;
        validated = !deferValidation;
        if (validated) {
            diagnostics = Language.validate(resource);
        }
    }

    /**
     * The problems the language reports on {@code object} itself: taken from {@link #diagnostics()} when they are
     * current, else found by running the rules of the object and its contents and the file-wide ones (not the
     * whole file's: what a new or changed declaration is told about itself, before the rest follows).
     */
    public List<ModelDiagnostic> problemsOf(EObject object) {
        if (validated) {
            return diagnosticsOf(object);
        }
        return object == null || object.eResource() != resource ? List.of() : Language.validate(resource, object);
    }

    /**
     * Parses and validates {@code newText} without touching the session, so it may run on any thread (e.g. a
     * background job while the user types); {@link #install} then makes it current on the owner's thread.
     */
    public Parse prepare(String newText) {
        return prepare(newText, true);
    }

    private Parse prepare(String newText, boolean validate) {
        XtextResourceSet set = Language.injector().getInstance(XtextResourceSet.class);
        XtextResource r = (XtextResource) set.createResource(uri);
        try {
            r.load(new ByteArrayInputStream(newText.getBytes(StandardCharsets.UTF_8)), set.getLoadOptions());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot parse " + uri + ": " + e.getMessage(), e);
        }
        return new Parse(newText, r, validate ? Language.validate(r) : null);
    }

    /** Makes a prepared parse the session's model (the caller checks it is not stale). */
    public void install(Parse parse) {
        changes++;
        lastSplice = null;
        text = parse.text;
        resource = parse.resource;
        validated = parse.diagnostics != null;
        diagnostics = validated ? parse.diagnostics : List.of();
        generation++;
    }

    private void changedInPlace(ElementSplice.Splice splice) {
        lastInPlace = ++changes;
        lastSplice = splice;
    }

    /** The session's state at one moment, to go back to with {@link #restore} (e.g. when a change is withdrawn). */
    public static final class Checkpoint {

        private final String text;
        private final XtextResource resource;
        private final List<ModelDiagnostic> diagnostics;
        private final boolean validated;
        private final long changes;

        private Checkpoint(SystemModelSession s) {
            text = s.text;
            resource = s.resource;
            diagnostics = s.diagnostics;
            validated = s.validated;
            changes = s.changes;
        }
    }

    /** The session as it is now: text, model and diagnostics. */
    public Checkpoint checkpoint() {
        return new Checkpoint(this);
    }

    /**
     * Brings the session back to {@code checkpoint}, diagnostics included. Cheap after the usual withdrawn change:
     * one spliced declaration is taken back, a model parsed since is dropped for the one kept; otherwise the
     * checkpoint's text is parsed (and validated if it was). Model objects obtained since may be stale afterwards.
     */
    public void restore(Checkpoint checkpoint) {
        if (changes == checkpoint.changes) {
            return;
        }
        boolean back = false;
        if (changes == checkpoint.changes + 1 && lastInPlace == changes && lastSplice != null
                && lastSplice.resource() == checkpoint.resource && resource == checkpoint.resource) {
            try {
                lastSplice.undo();
                back = true;
            } catch (IllegalStateException halfWay) {
                back = false;
            }
        } else if (lastInPlace <= checkpoint.changes) {
            // Every change since replaced the resource: the checkpoint's is as it was.
            resource = checkpoint.resource;
            back = true;
        }
        if (!back) {
            parse(checkpoint.text);
            if (checkpoint.validated) {
                validate();
            }
            return;
        }
        changes++;
        lastSplice = null;
        text = checkpoint.text;
        diagnostics = checkpoint.diagnostics;
        validated = checkpoint.validated;
        generation++;
    }

    private void parse(String newText) {
        install(prepare(newText, !deferValidation));
    }

    /** A parsed and validated text, not yet the session's model. */
    public static final class Parse {

        private final String text;
        private final XtextResource resource;
        private final List<ModelDiagnostic> diagnostics;

        Parse(String text, XtextResource resource, List<ModelDiagnostic> diagnostics) {
            this.text = text;
            this.resource = resource;
            this.diagnostics = diagnostics;
        }

        public String text() {
            return text;
        }

        /** Whether the parsed text has syntax errors. */
        public boolean hasSyntaxErrors() {
            return resource.getParseResult() != null && resource.getParseResult().hasSyntaxErrors();
        }

        /** The problems of the parsed text; empty when it was parsed without validation. */
        public List<ModelDiagnostic> diagnostics() {
            return diagnostics == null ? List.of() : diagnostics;
        }

        /** The object of this parse a diagnostic is about, or null. */
        public EObject objectOf(ModelDiagnostic diagnostic) {
            return diagnostic.objectFragment() == null ? null : resource.getEObject(diagnostic.objectFragment());
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

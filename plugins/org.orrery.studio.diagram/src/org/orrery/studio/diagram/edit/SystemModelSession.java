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
 * time value) skip the serializer: {@link #editText} writes them and re-parses only the rule around them, which
 * on a large system is what makes a drag interactive. Not thread-safe: one owner (e.g. the UI thread) drives it; only
 * {@link #prepare} may run elsewhere.
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
        if (edits.isEmpty()) {
            return List.of();
        }
        String after = TextEdit.apply(text, edits);
        // One re-parse for the batch: the region from the first edit to the end of the last one.
        int from = edits.stream().mapToInt(TextEdit::offset).min().orElseThrow();
        int to = edits.stream().mapToInt(e -> e.offset() + e.length()).max().orElseThrow();
        int newTo = to + after.length() - text.length();
        if (PartialReparse.apply(resource, from, to - from, after.substring(from, newTo))) {
            text = after;
            generation++;
            validated = !deferValidation;
            if (validated) {
                diagnostics = Language.validate(resource);
            }
        } else {
            parse(after);
        }
        return List.copyOf(edits);
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
        text = parse.text;
        resource = parse.resource;
        validated = parse.diagnostics != null;
        diagnostics = validated ? parse.diagnostics : List.of();
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

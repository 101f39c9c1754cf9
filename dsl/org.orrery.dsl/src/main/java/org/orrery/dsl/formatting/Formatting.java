// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.formatting;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Formats Orrery text without an editor: the same formatter the language server runs for LSP formatting, for
 * tools and tests. A text that does not parse is returned unchanged (the formatter must never guess at the
 * layout of broken input and lose text).
 */
public final class Formatting {

    @Inject
    private Provider<XtextResourceSet> resourceSets;
    @Inject
    private Provider<IFormatter2> formatter;
    @Inject
    private Provider<FormatterRequest> requests;
    @Inject
    private Provider<TextRegionAccessBuilder> regionAccess;

    /** The canonical layout of {@code text}, or {@code text} itself when it has syntax errors. */
    public String format(String text) {
        return format(text, null);
    }

    /** Formats only around {@code [offset, offset + length)}, as editors and the change serializer ask. */
    public String format(String text, int offset, int length) {
        return format(text, new TextRegion(offset, length));
    }

    private String format(String text, TextRegion region) {
        XtextResourceSet set = resourceSets.get();
        XtextResource resource = (XtextResource) set.createResource(URI.createURI("format.orrery"));
        try {
            resource.load(new StringInputStream(text), null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
        if (!resource.getParseResult().getSyntaxErrors().iterator().hasNext()) {
            ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
            FormatterRequest request = requests.get().setTextRegionAccess(access);
            if (region != null) {
                request.setRegions(List.of(region));
            }
            List<ITextReplacement> edits = formatter.get().format(request);
            return access.getRewriter().renderToString(edits);
        }
        return text;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.formatting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;
import org.orrery.dsl.orrery.Board;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Size;
import org.orrery.dsl.orrery.Time;
import org.orrery.dsl.orrery.Vm;

/**
 * The canonical layout of an Orrery file, the one the examples use: one declaration per line, blocks opened
 * at the end of their header line, contents indented one level, the attributes of a block (cores, memory...)
 * each on their own line, single spaces inside a line, at most one blank line kept between declarations.
 * One rule set for every element instead of a method per grammar rule: the grammar is regular enough that
 * braces, commas and attribute keywords decide the layout, and new rules get formatted without code here.
 * Comments are kept; Xtext's comment replacers keep a line comment's line break.
 */
public class OrreryFormatter extends AbstractFormatter2 {

    // Keywords that open an attribute line inside the blocks that carry attributes (board, bsp, partition, vm).
    private static final Set<String> ATTRIBUTES = Set.of("cores", "memory", "tick", "arch", "criticality",
            "period", "policy", "time-slice", "watchdog", "system-partition", "vcpus", "kernel", "disk", "console");

    // The canonical layout indents by four spaces whatever the client's tab settings: files look the same in
    // every editor and in review.
    @Override
    protected void initialize(FormatterRequest request) {
        MapBasedPreferenceValues preferences = new MapBasedPreferenceValues(request.getPreferences(),
                new HashMap<>());
        preferences.put(FormatterPreferenceKeys.indentation, "    ");
        request.setPreferences(preferences);
        super.initialize(request);
    }

    @Override
    public void format(Object obj, IFormattableDocument document) {
        if (obj instanceof XtextResource resource) {
            _format(resource, document);
        } else if (obj instanceof Model model) {
            formatModel(model, document);
        } else if (obj instanceof EObject element) {
            formatElement(element, document);
        }
    }

    private void formatModel(Model model, IFormattableDocument document) {
        // A copy: eContents() is not random-access (get(i) walks the features), which made this loop quadratic.
        List<EObject> children = new ArrayList<>(model.eContents());
        for (int i = 0; i < children.size(); i++) {
            EObject child = children.get(i);
            // The change serializer asks for the regions it changed only: leave the rest of a large system alone.
            if (!isInRequestedRange(child)) {
                continue;
            }
            // The first declaration keeps what precedes it (licence header, file comment) untouched. A block
            // (partition, plan...) stands apart by one blank line; one-line declarations (channels) may form groups..
            if (i > 0 && (hasBlock(child) || hasBlock(children.get(i - 1)))) {
                document.prepend(child, f -> f.setNewLines(2));
            } else if (i > 0) {
                document.prepend(child, f -> f.setNewLines(1, 1, 2));
            }
            document.format(child);
        }
        if (!children.isEmpty()) {
            document.append(children.get(children.size() - 1), f -> f.setNewLines(1));
        }
    }

    private boolean hasBlock(EObject element) {
        return textRegionExtensions.regionFor(element).keyword("{") != null;
    }

    private void formatElement(EObject element, IFormattableDocument document) {
        List<ISemanticRegion> own = textRegionExtensions.regionFor(element).keywords("{");
        ISemanticRegion open = own.isEmpty() ? null : own.get(0);
        ISemanticRegion close = open == null ? null : textRegionExtensions.regionFor(element).keyword("}");
        boolean attributes = element instanceof Board || element instanceof Bsp || element instanceof Partition
                || element instanceof Vm;
        for (ISemanticRegion region : textRegionExtensions.regionForEObject(element).getSemanticRegions()) {
            String keyword = region.getGrammarElement() instanceof Keyword k ? k.getValue() : null;
            if (",".equals(keyword)) {
                document.prepend(region, f -> f.noSpace());
                document.append(region, f -> f.oneSpace());
            } else if (region == open) {
                document.prepend(region, f -> f.oneSpace());
            } else if (region == close) {
                document.prepend(region, f -> f.newLine());
            } else {
                // Low priority: a line break asked for by the next token or child wins over this space.
                document.append(region, f -> {
                    f.oneSpace();
                    f.lowPriority();
                });
                if (attributes && open != null && keyword != null && ATTRIBUTES.contains(keyword)
                        && region.getOffset() > open.getOffset()) {
                    document.prepend(region, f -> f.newLine());
                }
            }
        }
        if (open != null && close != null) {
            document.interior(open, close, f -> f.indent());
        }
        boolean first = true;
        for (EObject child : element.eContents()) {
            // Values (10 ms, 8 MiB) stay on their attribute's line.
            boolean nested = open != null && !(child instanceof Time) && !(child instanceof Size)
                    && textRegionExtensions.regionForEObject(child) != null
                    && textRegionExtensions.regionForEObject(child).getOffset() > open.getOffset();
            boolean wasFirst = nested && first;
            first = first && !nested;
            if (!isInRequestedRange(child)) {
                continue;
            }
            // Nested declarations one per line; a blank line the author left between them survives.
            if (wasFirst) {
                document.prepend(child, f -> f.newLine());
            } else if (nested) {
                document.prepend(child, f -> f.setNewLines(1, 1, 2));
            }
            document.format(child);
        }
    }
}

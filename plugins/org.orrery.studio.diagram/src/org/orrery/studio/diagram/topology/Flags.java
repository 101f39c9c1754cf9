// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * Hands the session's diagnostics to the diagram elements they are about. A diagnostic belongs to an element
 * when its object is the element or lies inside it (a region's size, a channel's destination list), so the
 * diagram flags exactly what the text editor flags, with the same code and message.
 */
public final class Flags {

    private final List<ModelDiagnostic> diagnostics;

    public Flags(Collection<ModelDiagnostic> diagnostics) {
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Diagnostics on the object {@code fragment} or inside it; none for a null fragment. */
    public List<ModelDiagnostic> of(String fragment) {
        return of(fragment, List.of());
    }

    /** Like {@link #of(String)} but leaving out what lies inside {@code claimed} (children drawn on their own). */
    public List<ModelDiagnostic> of(String fragment, Collection<String> claimed) {
        List<ModelDiagnostic> out = new ArrayList<>();
        if (fragment == null) {
            return out;
        }
        for (ModelDiagnostic d : diagnostics) {
            if (inside(d.objectFragment(), fragment) && claimed.stream().noneMatch(c -> inside(d.objectFragment(), c))) {
                out.add(d);
            }
        }
        return out;
    }

    static boolean inside(String object, String container) {
        return object != null && container != null
                && (object.equals(container) || object.startsWith(container.endsWith("/") ? container : container + "/"));
    }

    /** The most severe of {@code ds} (ERROR before WARNING before INFO), or null for none. */
    public static ModelDiagnostic.Severity worst(List<ModelDiagnostic> ds) {
        ModelDiagnostic.Severity w = null;
        for (ModelDiagnostic d : ds) {
            if (w == null || d.severity().ordinal() < w.ordinal()) {
                w = d.severity();
            }
        }
        return w;
    }
}

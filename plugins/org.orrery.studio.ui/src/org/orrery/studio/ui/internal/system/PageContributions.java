// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.orrery.studio.ui.SystemEditorPage;

/** The pages contributed to the system editor through {@code org.orrery.studio.ui.systemEditorPages}. */
public final class PageContributions {

    public static final String EXTENSION_POINT = "org.orrery.studio.ui.systemEditorPages";

    /** One contributed page: its tab title, its position and how to make it. */
    public record Contribution(String id, String name, int order, IConfigurationElement element) {

        public SystemEditorPage create() throws CoreException {
            return (SystemEditorPage) element.createExecutableExtension("class");
        }
    }

    private PageContributions() {
    }

    public static List<Contribution> all() {
        List<Contribution> out = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
            if (!"page".equals(e.getName())) {
                continue;
            }
            out.add(new Contribution(e.getAttribute("id"), e.getAttribute("name"), order(e), e));
        }
        out.sort(Comparator.comparingInt(Contribution::order).thenComparing(Contribution::name));
        return out;
    }

    private static int order(IConfigurationElement e) {
        try {
            String o = e.getAttribute("order");
            return o == null ? 100 : Integer.parseInt(o.trim());
        } catch (NumberFormatException ex) {
            ILog.of(PageContributions.class).warn("Page " + e.getAttribute("id") + ": order is not a number.");
            return 100;
        }
    }
}

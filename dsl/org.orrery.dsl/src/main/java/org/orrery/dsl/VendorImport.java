// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.util.List;

/**
 * A vendor file converted to an Orrery system: the {@code .orrery} text and what the importer skipped or replaced
 * on the way (warnings naming the vendor file and its line). Callers decide where the text goes.
 */
public record VendorImport(String text, List<Diagnostic> warnings) {

    public VendorImport {
        warnings = List.copyOf(warnings);
    }
}

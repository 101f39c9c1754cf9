// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * What to report when a file does not parse. The parser recovers by dropping or cutting declarations, so the
 * rules then judge a model the author did not write ("must declare its memory budget" for a memory line that is
 * there): their findings are withheld until every file parses, and a trailing note says so and that syntax errors
 * after the first may follow from it. Of several syntax errors on one line only the first is kept.
 */
final class SyntaxFirst {

    /** Problems about reading the input, which a syntax error elsewhere cannot have caused. */
    private static final Set<String> READING = Set.of(OrreryIssueCodes.SYNTAX, OrreryIssueCodes.FILE_UNREADABLE,
            OrreryIssueCodes.IMPORT_UNRESOLVED);

    private SyntaxFirst() {
    }

    /** {@code sorted}: diagnostics in report order; the first syntax error among them is the one the note names. */
    static List<Diagnostic> apply(List<Diagnostic> sorted) {
        Diagnostic first = sorted.stream().filter(d -> d.isError() && d.code().equals(OrreryIssueCodes.SYNTAX))
                .findFirst().orElse(null);
        if (first == null) {
            return sorted;
        }
        List<Diagnostic> kept = new ArrayList<>();
        Diagnostic previous = null;
        for (Diagnostic d : sorted) {
            if (!READING.contains(d.code())) {
                continue;
            }
            // The parser's recovery after an error mostly trips again on the rest of that line: one error a line.
            boolean sameLine = previous != null && d.code().equals(OrreryIssueCodes.SYNTAX)
                    && previous.file().equals(d.file()) && previous.line() == d.line();
            if (!sameLine) {
                kept.add(d);
            }
            previous = d.code().equals(OrreryIssueCodes.SYNTAX) ? d : previous;
        }
        kept.add(new Diagnostic(first.file(), first.line(), first.column(), Diagnostic.Severity.INFO,
                OrreryIssueCodes.SYNTAX, "Errors after this syntax error may follow from it; the other rules are "
                        + "checked once every file parses."));
        return kept;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * What to report when a file does not parse. The parser recovers by dropping or cutting declarations, so the
 * rules then judge a model the author did not write ("must declare its memory budget" for a memory line that is
 * there): their findings are withheld until every file parses, and a trailing note says so and that syntax errors
 * after the first may follow from it. Of the syntax errors between two top-level declarations only the first is
 * kept: the author reads "stop at the first error of a declaration", not the parser's recovery.
 */
public final class SyntaxFirst {

    /** Problems about reading the input, which a syntax error elsewhere cannot have caused. */
    private static final Set<String> READING = Set.of(OrreryIssueCodes.SYNTAX, OrreryIssueCodes.FILE_UNREADABLE,
            OrreryIssueCodes.IMPORT_UNRESOLVED);

    private SyntaxFirst() {
    }

    /**
     * @param sorted       diagnostics in report order; the first syntax error among them is the one the note names
     * @param declarations per file, the lines where a top-level declaration starts
     */
    public static List<Diagnostic> apply(List<Diagnostic> sorted, Function<Path, NavigableSet<Integer>> declarations) {
        Diagnostic first = sorted.stream().filter(d -> d.isError() && d.code().equals(OrreryIssueCodes.SYNTAX))
                .findFirst().orElse(null);
        if (first == null) {
            return sorted;
        }
        List<Diagnostic> kept = new ArrayList<>();
        Diagnostic previous = null;
        for (Diagnostic d : sorted) {
            if (!READING.contains(d.code()) || d.severity() == Diagnostic.Severity.INFO) {
                // Only errors about reading; an earlier note (the editor's validator applies this rule too) is
                // replaced by the one below.
                continue;
            }
            boolean syntax = d.code().equals(OrreryIssueCodes.SYNTAX);
            if (syntax && previous != null && previous.file().equals(d.file())
                    && !declarationStartsBetween(declarations.apply(d.file()), previous.line(), d.line())) {
                // The parser's recovery trips again until the next declaration: the first error of one is the one to fix.
                continue;
            }
            kept.add(d);
            previous = syntax ? d : previous;
        }
        boolean more = kept.stream().filter(d -> d.code().equals(OrreryIssueCodes.SYNTAX)).count() > 1;
        kept.add(new Diagnostic(first.file(), first.line(), first.column(), Diagnostic.Severity.INFO,
                OrreryIssueCodes.SYNTAX, (more ? "Errors after this syntax error may follow from it. " : "")
                        + "The other rules are checked once every file parses."));
        return kept;
    }

    private static boolean declarationStartsBetween(NavigableSet<Integer> starts, int afterLine, int upToLine) {
        Integer next = starts.higher(afterLine);
        return next != null && next <= upToLine;
    }

    /** The lines (1-based) whose first column starts a top-level declaration with one of {@code starters}. */
    public static NavigableSet<Integer> declarationLines(String text, Collection<String> starters) {
        NavigableSet<Integer> lines = new TreeSet<>();
        String[] all = text.split("\\R", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '{') {
                end++;
            }
            if (end > 0 && starters.contains(line.substring(0, end))) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}

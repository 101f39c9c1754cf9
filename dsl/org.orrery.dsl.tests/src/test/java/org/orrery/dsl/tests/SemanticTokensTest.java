// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.ide.OrreryIdeSetup;
import org.orrery.dsl.ide.highlighting.SemanticTokens;
import org.orrery.dsl.ide.highlighting.SemanticTokens.Kind;

/** Semantic tokens: what each name means, from the parse, not from its spelling. */
class SemanticTokensTest {

    @Test
    void referencesAreTypedByWhatTheyNameAndDeclarationsMarked() throws Exception {
        String text = """
                system demo
                partition nav {
                    port out sampling out size 8 B
                    port in sampling in size 8 B
                }
                channel c sampling from nav.out to nav.in
                plan main initial {
                    core 0 major-frame 10 ms {
                        window nav at 0 ms duration 4 ms
                    }
                    switch to main by nav
                }
                """;
        XtextResourceSet set = new OrreryIdeSetup().createInjectorAndDoEMFRegistration()
                .getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.createResource(URI.createURI("tokens.orrery"));
        resource.load(new StringInputStream(text), null);
        Map<String, Kind> seen = new LinkedHashMap<>();
        List<SemanticTokens.Token> tokens = SemanticTokens.of(resource);
        for (SemanticTokens.Token t : tokens) {
            seen.put(text.substring(t.offset(), t.offset() + t.length()) + "@" + line(text, t.offset()), t.kind());
        }
        Map<String, Kind> expected = new LinkedHashMap<>();
        expected.put("demo@1", Kind.DECLARATION);
        expected.put("nav@2", Kind.DECLARATION);
        expected.put("out@3", Kind.DECLARATION);
        expected.put("in@4", Kind.DECLARATION);
        expected.put("c@6", Kind.DECLARATION);
        expected.put("nav.out@6", Kind.PORT);
        expected.put("nav.in@6", Kind.PORT);
        expected.put("main@7", Kind.DECLARATION);
        expected.put("nav@9", Kind.PARTITION);
        expected.put("main@11", Kind.PLAN);
        expected.put("nav@11", Kind.PARTITION);
        assertEquals(expected, seen);
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.documentation.KeywordDocumentation;
import org.orrery.dsl.ide.highlighting.SemanticTokens;
import org.orrery.studio.editor.core.CompletionMapping;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Positions;
import org.orrery.studio.editor.core.Uris;

/**
 * What the editor asks the in-process server while an integrator reads and types: hover, go to definition,
 * completion (turned into the replacement a proposal applies) and the meaning of names for highlighting.
 */
class LanguageFeaturesTest extends ServerSessionTest {

    private static ServerSession.Opened system;

    @BeforeAll
    static void openSystem() throws Exception {
        system = session.open("features.orrery", Systems.TWO_PARTITIONS);
        system.awaitDiagnostics(list -> true, "the document to be built");
    }

    private static TextDocumentService text() {
        return session.service().server().getTextDocumentService();
    }

    private static int offsetOf(String text) {
        int at = system.doc().get().indexOf(text);
        assertTrue(at >= 0, text);
        return at;
    }

    @Test
    void hoverOnAProcessShowsItsTiming() {
        HoverParams params = new HoverParams(system.lsp().id(),
                Positions.toPosition(system.doc(), offsetOf("control periodic") + 2));
        Hover hover = OrreryLanguageService.await(text().hover(params), ServerSession.TIMEOUT);
        assertNotNull(hover, "a hover on a process");
        assertTrue(shown(hover).contains("period 10 ms"), shown(hover));
    }

    private static String shown(Hover hover) {
        return hover.getContents().isRight() ? hover.getContents().getRight().getValue()
                : hover.getContents().getLeft().toString();
    }

    @Test
    void hoverOnAReferenceShowsTheDeclarationsDocumentation() {
        HoverParams params = new HoverParams(system.lsp().id(),
                Positions.toPosition(system.doc(), offsetOf("window fcs") + "window f".length()));
        Hover hover = OrreryLanguageService.await(text().hover(params), ServerSession.TIMEOUT);
        assertNotNull(hover);
        assertTrue(shown(hover).contains("Flight control: the most critical partition."), shown(hover));
    }

    /** Studio's hover over a keyword says what docs/language.md says (one table, KeywordDocumentation). */
    @Test
    void hoverOnAKeywordShowsTheLanguageReferenceText() {
        HoverParams params = new HoverParams(system.lsp().id(),
                Positions.toPosition(system.doc(), offsetOf("    memory 8 MiB") + "    mem".length()));
        Hover hover = OrreryLanguageService.await(text().hover(params), ServerSession.TIMEOUT);
        assertNotNull(hover, "a hover on a keyword");
        assertEquals(KeywordDocumentation.all().get("Partition.memory"), shown(hover));
    }

    @Test
    void keywordProposalsCarryTheLanguageReferenceText() throws Exception {
        ServerSession.Opened typing = session.open("policy.orrery",
                Systems.TWO_PARTITIONS.replace("    memory 8 MiB\n    application \"demo.Nav\"",
                        "    memory 8 MiB\n    policy \n    application \"demo.Nav\""));
        int caret = typing.doc().get().indexOf("policy ") + "policy ".length();
        CompletionItem edf = complete(typing, caret).stream().filter(i -> i.getLabel().equals("edf")).findFirst()
                .orElseThrow(() -> new AssertionError("edf proposed"));
        assertEquals(KeywordDocumentation.all().get("Policy.edf"), CompletionMapping.documentation(edf));
    }

    @Test
    void definitionOfAWindowsPartitionIsItsDeclaredName() {
        DefinitionParams params = new DefinitionParams(system.lsp().id(),
                Positions.toPosition(system.doc(), offsetOf("window nav") + "window n".length()));
        Either<List<? extends Location>, List<? extends LocationLink>> found =
                OrreryLanguageService.await(text().definition(params), ServerSession.TIMEOUT);
        assertNotNull(found);
        assertEquals(1, found.getLeft().size(), found.toString());
        Location target = found.getLeft().get(0);
        assertEquals(Uris.key(system.uri()), Uris.key(target.getUri()));
        int declared = offsetOf("partition nav") + "partition ".length();
        assertEquals(Positions.toRange(system.doc(), declared, "nav".length()), target.getRange());
    }

    @Test
    void completionWhereAWindowNamesItsPartitionProposesThePartitions() {
        List<String> labels = complete(system, offsetOf("window nav") + "window ".length()).stream()
                .map(CompletionItem::getLabel).toList();
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("fcs")), labels.toString());
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("nav")), labels.toString());
    }

    @Test
    void anAppliedProposalCompletesTheTypedPrefix() throws Exception {
        ServerSession.Opened typing = session.open("typing.orrery",
                Systems.TWO_PARTITIONS.replace("window nav at", "window n at"));
        int caret = typing.doc().get().indexOf("window n at") + "window n".length();
        CompletionItem nav = complete(typing, caret).stream().filter(i -> i.getLabel().startsWith("nav")).findFirst()
                .orElseThrow(() -> new AssertionError("nav proposed"));

        // Applied as the editor's proposal applies it: the typed "n" becomes "nav", the rest of the line stays.
        CompletionMapping.Replacement r = CompletionMapping.of(typing.doc(), caret, nav);
        typing.doc().replace(r.offset(), r.length(), r.text());
        assertEquals(Systems.TWO_PARTITIONS, typing.doc().get());
    }

    private static List<CompletionItem> complete(ServerSession.Opened o, int caret) {
        Either<List<CompletionItem>, CompletionList> result = OrreryLanguageService.await(text().completion(
                new CompletionParams(o.lsp().id(), Positions.toPosition(o.doc(), caret))), ServerSession.TIMEOUT);
        assertNotNull(result, "completion answered");
        return result.isLeft() ? result.getLeft() : result.getRight().getItems();
    }

    @Test
    void semanticTokensTellPartitionReferencesFromPortsAndDeclarations() throws Exception {
        List<SemanticTokens.Token> tokens = session.service().semanticTokens(system.uri())
                .get(ServerSession.TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(tokens.contains(new SemanticTokens.Token(offsetOf("window nav") + "window ".length(), 3,
                SemanticTokens.Kind.PARTITION)), tokens.toString());
        assertTrue(tokens.contains(new SemanticTokens.Token(offsetOf("partition nav") + "partition ".length(), 3,
                SemanticTokens.Kind.DECLARATION)), tokens.toString());
        assertTrue(tokens.stream().anyMatch(t -> t.kind() == SemanticTokens.Kind.PORT
                && t.offset() == offsetOf("fcs.cmd_out")), "the channel's source is a port: " + tokens);
        int string = offsetOf("\"demo.Nav\"");
        assertTrue(tokens.stream().noneMatch(t -> t.offset() <= string && string < t.offset() + t.length()),
                "a string is no name");
    }
}

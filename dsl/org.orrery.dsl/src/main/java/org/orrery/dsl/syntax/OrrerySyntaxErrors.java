// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.syntax;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import com.google.inject.Inject;

/**
 * Syntax errors in the words of the language rather than the parser's: where an enumerated value belongs, the
 * message names the values it may be ({@link EnumChoices}) instead of the tokens the parser could not match;
 * where nothing more was expected, it names what a declaration starts with.
 */
public class OrrerySyntaxErrors extends SyntaxErrorMessageProvider {

    /** A word that may be a mistyped value, not punctuation or a number. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** Replaced in this order: the whole phrase about the end of the file first. */
    private static final List<Map.Entry<String, String>> TERMINALS = List.of(
            Map.entry("mismatched input '<EOF>' expecting ", "the file ends where this was expected: "),
            Map.entry("'<EOF>'", "the end of the file"), Map.entry("RULE_INT", "a number"),
            Map.entry("RULE_HEX", "a hexadecimal number"), Map.entry("RULE_STRING", "a quoted string"),
            Map.entry("RULE_ID", "a name"), Map.entry("RULE_MISTYPED_WORD", "a word"));

    /** The declarations the entry rule allows only at the head of a file, in this order. */
    private static final List<String> ORDERED_STARTERS = List.of("import", "system");

    @Inject
    private IGrammarAccess grammar;

    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
        RecognitionException e = context.getRecognitionException();
        if (e == null || e.token == null) {
            return inPlainWords(super.getSyntaxErrorMessage(context));
        }
        String found = e.token.getType() == Token.EOF ? null : e.token.getText();
        EnumRule expected = enumAt(context.getCurrentNode());
        if (expected == null && found != null && WORD.matcher(found).matches()) {
            expected = e instanceof MismatchedTokenException m && m.expecting == Token.EOF
                    ? ExpectedEnums.optionalAfter(context.getCurrentNode(), startOf(e.token), e.token.getLine())
                    : ExpectedEnums.startingAListElement(context.getCurrentNode());
        }
        if (expected != null) {
            return new SyntaxErrorMessage((found == null ? "The end of the file" : "'" + found + "'") + " is not "
                    + EnumChoices.what(expected) + "; write one of: " + String.join(" | ", EnumChoices.literals(expected))
                    + ".", Diagnostic.SYNTAX_DIAGNOSTIC);
        }
        if (e instanceof MismatchedTokenException m && m.expecting == Token.EOF && ORDERED_STARTERS.contains(found)) {
            // It does start a declaration, only not here: the list of starters below would name it.
            return new SyntaxErrorMessage("'" + found + "' is out of place: a file starts with its imports, then at "
                    + "most one 'system' header, then the other declarations.", Diagnostic.SYNTAX_DIAGNOSTIC);
        }
        if (e instanceof MismatchedTokenException m && m.expecting == Token.EOF && found != null) {
            // ANTLR's "missing EOF at 'x'": the file goes on with something that starts no declaration.
            List<String> starters = Declarations.starters((ParserRule) GrammarUtil.allRules(grammar.getGrammar()).get(0));
            return new SyntaxErrorMessage("'" + found + "' does not start a declaration; a declaration starts with one of: "
                    + String.join(" | ", starters) + ".", Diagnostic.SYNTAX_DIAGNOSTIC);
        }
        Assignment list = listBefore(context.getCurrentNode());
        if (list != null && found != null && found.chars().allMatch(Character::isDigit)) {
            // `cores 0 1`: a second value where the list needed a comma.
            String feature = list.getFeature();
            return new SyntaxErrorMessage("'" + found + "' cannot follow a value of '" + feature + "' here; separate the "
                    + "values of a list with ',' (" + feature + " 0, 1).", Diagnostic.SYNTAX_DIAGNOSTIC);
        }
        return inPlainWords(super.getSyntaxErrorMessage(context));
    }

    /**
     * Xtext words a value that does not convert with the message of the converter's cause, for a number too large
     * Java's {@code For input string: "..."}; the converter's own message says what is wrong in the language's words.
     */
    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
        ValueConverterException e = context.getValueConverterException();
        if (e == null || e.getMessage() == null) {
            return super.getSyntaxErrorMessage(context);
        }
        return new SyntaxErrorMessage(e.getMessage(), Diagnostic.SYNTAX_DIAGNOSTIC);
    }

    /**
     * ANTLR's own messages name terminals by their token names ("missing RULE_INT at '}'"). The message stays the
     * parser's, passed on with those names in words.
     */
    private static SyntaxErrorMessage inPlainWords(SyntaxErrorMessage m) {
        if (m == null || m.getMessage() == null) {
            return m;
        }
        ParserMessage parser = new ParserMessage(m.getMessage()).inPlainWords();
        return new SyntaxErrorMessage(parser.message(), m.getIssueCode(), m.getIssueData());
    }

    /**
     * The parser's text, relayed: {@code MessageCoverageTest} reads a message passed on as a record's message as the
     * parser's own, not as a template of ours that would need a fixture of its own.
     */
    private record ParserMessage(String message) {

        ParserMessage inPlainWords() {
            String text = message;
            for (Map.Entry<String, String> t : TERMINALS) {
                text = text.replace(t.getKey(), t.getValue());
            }
            return new ParserMessage(text);
        }
    }

    /** The list assignment ({@code cores+=INT}) whose value the parser read last, if that is what it read last. */
    private static Assignment listBefore(INode node) {
        if (!(node instanceof ICompositeNode composite)) {
            return null;
        }
        INode last = null;
        for (ILeafNode leaf : composite.getLeafNodes()) {
            if (!leaf.isHidden()) {
                last = leaf;
            }
        }
        return last != null && last.getGrammarElement() instanceof RuleCall call
                && call.eContainer() instanceof Assignment a && "+=".equals(a.getOperator())
                ? a : null;
    }

    private static int startOf(Token token) {
        return token instanceof CommonToken t ? t.getStartIndex() : Integer.MAX_VALUE;
    }

    /** The parser opens a node for an enumeration's rule call before it reads the value. */
    private static EnumRule enumAt(INode node) {
        return node != null && node.getGrammarElement() instanceof RuleCall call && call.getRule() instanceof EnumRule rule
                ? rule : null;
    }
}

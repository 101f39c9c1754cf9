// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * Widens a changed region to whole tokens, lexing from a token boundary shortly before the change instead of from
 * the start of the document. Xtext's partial parser asks this for every keystroke, and its own answer lexes every
 * character before the change: a keystroke near the end of a 40,000-line system lexed the whole file.
 * <p>
 * The text before the change is the one the previous parse read, so any token start of that parse is a token
 * start now as well, provided the previous text lexed cleanly (no syntax error: no unterminated string or comment
 * whose meaning a later change could alter) and the boundary lies well before the change (a lexer decides where
 * a token ends from a character or two beyond it). Without a clean previous parse it lexes from the start as
 * Xtext does.
 */
public class NearbyTokenRegions extends TokenRegionProvider {

    // Characters kept between the boundary lexing starts at and the change: far beyond any lexer's look-ahead.
    private static final int MARGIN = 256;

    @Inject
    @Named(LexerBindings.RUNTIME)
    private Provider<Lexer> lexers;

    @Override
    public ITextRegion getTokenRegion(String text, ITextRegion region) {
        IParseResult previous = LocalPartialParsing.previousParse();
        int from = region.getOffset() - MARGIN;
        if (previous == null || previous.hasSyntaxErrors() || from <= 0) {
            return super.getTokenRegion(text, region);
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(previous.getRootNode(), from);
        if (leaf == null) {
            return super.getTokenRegion(text, region);
        }
        int start = leaf.getTotalOffset();
        Lexer lexer = lexers.get();
        lexer.setCharStream(new ANTLRStringStream(text) {
            {
                p = start;
            }
        });
        int regionStart = region.getOffset();
        int regionEnd = region.getEndOffset();
        int tokenStart = start;
        int tokenEnd = start;
        CommonToken next = (CommonToken) lexer.nextToken();
        // Up to the token that ends after the region's start: it begins the widened region.
        while (next != Token.EOF_TOKEN && tokenEnd <= regionStart) {
            tokenStart = next.getStartIndex();
            tokenEnd = next.getStopIndex() + 1;
            next = (CommonToken) lexer.nextToken();
        }
        // Then to the first token end at or past the region's end.
        while (next != Token.EOF_TOKEN && tokenEnd < regionEnd) {
            tokenEnd = next.getStopIndex() + 1;
            next = (CommonToken) lexer.nextToken();
        }
        if (tokenStart == regionStart && tokenEnd == regionEnd) {
            return region;
        }
        return new TextRegion(tokenStart, tokenEnd - tokenStart);
    }
}

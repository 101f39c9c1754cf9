// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.orrery.studio.editor.core.Positions;

/**
 * Offsets against LSP line/character positions. Server answers may describe an older text than the one shown,
 * so positions outside the document must clamp into it rather than throw on the UI thread.
 */
class PositionsTest {

    // Three lines; the last has no delimiter.
    private final IDocument lf = new Document("ab\ncde\nf");
    private final IDocument crlf = new Document("ab\r\ncde\r\nf");

    @Test
    void offsetsBecomeLineAndCharacter() {
        assertEquals(new Position(0, 0), Positions.toPosition(lf, 0));
        assertEquals(new Position(0, 2), Positions.toPosition(lf, 2), "the delimiter belongs to its line");
        assertEquals(new Position(1, 0), Positions.toPosition(lf, 3));
        assertEquals(new Position(1, 2), Positions.toPosition(lf, 5));
        assertEquals(new Position(2, 1), Positions.toPosition(lf, 8), "the end of the last line");
    }

    @Test
    void positionsBecomeOffsets() {
        assertEquals(0, Positions.toOffset(lf, new Position(0, 0)));
        assertEquals(4, Positions.toOffset(lf, new Position(1, 1)));
        assertEquals(7, Positions.toOffset(lf, new Position(2, 0)));
        assertEquals(8, Positions.toOffset(lf, new Position(2, 1)));
    }

    @Test
    void crlfCountsAsOneLineBreak() {
        assertEquals(new Position(1, 0), Positions.toPosition(crlf, 4));
        assertEquals(new Position(2, 0), Positions.toPosition(crlf, 9));
        assertEquals(4, Positions.toOffset(crlf, new Position(1, 0)));
        assertEquals(9, Positions.toOffset(crlf, new Position(2, 0)));
    }

    @Test
    void aCharacterPastTheLineEndStopsBeforeItsDelimiter() {
        // Never between \r and \n: an insertion there would split the line break in two.
        assertEquals(2, Positions.toOffset(crlf, new Position(0, 99)));
        assertEquals(7, Positions.toOffset(crlf, new Position(1, 3)));
        assertEquals(2, Positions.toOffset(lf, new Position(0, 3)));
        assertEquals(8, Positions.toOffset(lf, new Position(2, 5)), "the last line has no delimiter");
    }

    @Test
    void positionsOutsideTheDocumentClamp() {
        assertEquals(lf.getLength(), Positions.toOffset(lf, new Position(3, 0)), "a line after the last");
        assertEquals(lf.getLength(), Positions.toOffset(lf, new Position(40, 7)));
        assertEquals(0, Positions.toOffset(lf, new Position(-1, 0)), "a negative line is the first");
        assertEquals(3, Positions.toOffset(lf, new Position(1, -5)), "a negative character is the line start");
        assertEquals(new Position(0, 0), Positions.toPosition(lf, -3));
        assertEquals(new Position(2, 1), Positions.toPosition(lf, 99));
    }

    @Test
    void aTrailingLineBreakOpensAnEmptyLastLine() {
        IDocument doc = new Document("ab\r\n");
        assertEquals(new Position(1, 0), Positions.toPosition(doc, 4));
        assertEquals(4, Positions.toOffset(doc, new Position(1, 0)));
        assertEquals(4, Positions.toOffset(doc, new Position(1, 9)));
    }

    @Test
    void anEmptyDocumentHasOnePosition() {
        IDocument empty = new Document("");
        assertEquals(new Position(0, 0), Positions.toPosition(empty, 0));
        assertEquals(new Position(0, 0), Positions.toPosition(empty, 5));
        assertEquals(0, Positions.toOffset(empty, new Position(0, 4)));
        assertEquals(0, Positions.toOffset(empty, new Position(2, 0)));
    }

    @Test
    void rangesAndRegionsRoundTrip() {
        Range range = Positions.toRange(crlf, 1, 5);
        assertEquals(new Range(new Position(0, 1), new Position(1, 2)), range);
        assertArrayEquals(new int[] {1, 5}, Positions.toRegion(crlf, range));
    }

    @Test
    void aRangeEndingBeforeItStartsIsEmpty() {
        Range backwards = new Range(new Position(1, 2), new Position(0, 1));
        assertArrayEquals(new int[] {5, 0}, Positions.toRegion(lf, backwards));
    }

    @Test
    void aRangeReachingPastTheEndIsCutAtTheEnd() {
        Range beyond = new Range(new Position(2, 0), new Position(9, 9));
        assertArrayEquals(new int[] {7, 1}, Positions.toRegion(lf, beyond));
    }
}

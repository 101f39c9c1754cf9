// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.impl.PartialParsingHelper;
import org.eclipse.xtext.util.ReplaceRegion;

/**
 * Xtext's partial parser, telling {@link NearbyTokenRegions} which parse it is updating: that one only sees the
 * new text, and needs the previous parse's token boundaries to start lexing near the change.
 */
public class LocalPartialParsing extends PartialParsingHelper {

    private static final ThreadLocal<IParseResult> PREVIOUS = new ThreadLocal<>();

    /** The parse being updated on this thread, or null outside a partial parse. */
    static IParseResult previousParse() {
        return PREVIOUS.get();
    }

    @Override
    public IParseResult reparse(IParser parser, IParseResult previousParseResult, ReplaceRegion changedRegion) {
        PREVIOUS.set(previousParseResult);
        try {
            return super.reparse(parser, previousParseResult, changedRegion);
        } finally {
            PREVIOUS.remove();
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.impl.PartialParsingHelper;
import org.eclipse.xtext.util.ReplaceRegion;

/**
 * Xtext's partial parser, telling {@link NearbyTokenRegions} which parse it is updating (that one only sees the
 * new text, and needs the previous parse's token boundaries to start lexing near the change), and telling the
 * resource which object the re-parse replaced ({@link #takeReplacement}), so that only the new object's references
 * need linking.
 */
public class LocalPartialParsing extends PartialParsingHelper {

    /** One object of the model swapped for another in the same place: same container, feature and position. */
    record Replacement(IParseResult parse, EObject old, EObject replacement) {

        /**
         * Whether the swap leaves every scope as it was: neither the old object nor the new one holds (or is) an
         * object a reference can point at, or an import. Then no reference elsewhere pointed into the old object, no
         * name anything resolves against changed, and every other reference resolves as before. (Scopes in this
         * language are the names of referable objects, qualified by their containers, plus the imported files.)
         */
        boolean invisibleToScopes() {
            return invisible(old) && invisible(replacement);
        }

        private static boolean invisible(EObject root) {
            if (!invisibleAlone(root)) {
                return false;
            }
            for (Iterator<EObject> all = root.eAllContents(); all.hasNext();) {
                if (!invisibleAlone(all.next())) {
                    return false;
                }
            }
            return true;
        }

        // Xtext's import scoping reads these attributes by name.
        private static boolean invisibleAlone(EObject object) {
            EClass type = object.eClass();
            return !ReferableTypes.isReferable(type) && type.getEStructuralFeature("importURI") == null
                    && type.getEStructuralFeature("importedNamespace") == null;
        }
    }

    private static final ThreadLocal<IParseResult> PREVIOUS = new ThreadLocal<>();
    private static final ThreadLocal<List<Unloaded>> UNLOADED = new ThreadLocal<>();
    private static final ThreadLocal<Replacement> REPLACED = new ThreadLocal<>();

    // Where an object the parser is about to replace sits, read before the parser detaches it.
    private record Unloaded(EObject object, EObject container, EStructuralFeature feature, int index, int size) {
    }

    /** The parse being updated on this thread, or null outside a partial parse. */
    static IParseResult previousParse() {
        return PREVIOUS.get();
    }

    /**
     * The object the last re-parse on this thread swapped in, if that re-parse is {@code parse} and it replaced
     * exactly one object in place (not the whole model, and no object removed or added); null otherwise. Taken
     * once.
     */
    static Replacement takeReplacement(IParseResult parse) {
        Replacement replaced = REPLACED.get();
        REPLACED.remove();
        return replaced != null && replaced.parse() == parse ? replaced : null;
    }

    @Override
    public IParseResult reparse(IParser parser, IParseResult previousParseResult, ReplaceRegion changedRegion) {
        PREVIOUS.set(previousParseResult);
        UNLOADED.set(new ArrayList<>(1));
        REPLACED.remove();
        try {
            IParseResult result = super.reparse(parser, previousParseResult, changedRegion);
            REPLACED.set(replacementIn(result, previousParseResult, UNLOADED.get()));
            return result;
        } finally {
            PREVIOUS.remove();
            UNLOADED.remove();
        }
    }

    @Override
    public void unloadSemanticObject(EObject object) {
        List<Unloaded> unloaded = UNLOADED.get();
        if (unloaded != null && object != null) {
            EObject container = object.eContainer();
            EStructuralFeature feature = object.eContainingFeature();
            if (container != null && feature != null && feature.isMany()) {
                List<?> list = (List<?>) container.eGet(feature, false);
                unloaded.add(new Unloaded(object, container, feature, list.indexOf(object), list.size()));
            } else {
                unloaded.add(new Unloaded(object, container, feature, -1, -1));
            }
        }
        super.unloadSemanticObject(object);
    }

    private static Replacement replacementIn(IParseResult result, IParseResult previous, List<Unloaded> unloaded) {
        if (result == previous || result.getRootASTElement() != previous.getRootASTElement() || unloaded.size() != 1) {
            return null;
        }
        Unloaded old = unloaded.get(0);
        if (old.container() == null || old.feature() == null) {
            return null;
        }
        Object now = old.container().eGet(old.feature(), false);
        if (old.feature().isMany()) {
            List<?> list = (List<?>) now;
            now = list.size() == old.size() && old.index() >= 0 ? list.get(old.index()) : null;
        }
        return now instanceof EObject replacement && replacement != old.object()
                ? new Replacement(result, old.object(), replacement) : null;
    }
}

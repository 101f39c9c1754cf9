// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.parser.antlr.IReferableElementsUnloader;

/**
 * What the partial parser does with the objects a re-parse replaced. Xtext turns every one into a proxy so that
 * references from elsewhere resolve to the replacements; when the parser falls back to parsing the whole document
 * (a keystroke that leaves a syntax error does), that is all ~67,000 objects of a 1,000-partition system, a URI
 * fragment each. References inside the document are linked anew after every update anyway, so proxies only matter
 * when another loaded resource points into the document ({@link ReplaceableResource} answers that, as it does for
 * its own unload); otherwise the replaced objects are left as they are, garbage.
 */
public class OutsideReferencesUnloader extends IReferableElementsUnloader.GenericUnloader {

    @Override
    public void unloadRoot(EObject root) {
        if (root.eResource() instanceof ReplaceableResource resource && !resource.referencedFromOtherResources()) {
            return;
        }
        super.unloadRoot(root);
    }
}

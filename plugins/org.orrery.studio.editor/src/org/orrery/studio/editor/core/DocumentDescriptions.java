// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The index entry of an open document, rebuilt by the language server on every keystroke. Two parts of it need not
 * be: the exported objects (a qualified name and a URI each, 21,000 on a 1,000-partition system) are the same
 * objects at the same places after an update whose replaced object no scope sees, so
 * {@link ReplaceableResource#exports} keeps them through such updates; and the references that leave the document
 * (the entry's reference descriptions) exist only when some link resolved into another resource, which the resource
 * records, so a document that links only within itself is not walked for them.
 */
public class DocumentDescriptions extends DefaultResourceDescriptionManager {

    @Override
    protected IResourceDescription internalGetResourceDescription(Resource resource,
            IDefaultResourceDescriptionStrategy strategy) {
        if (resource instanceof ReplaceableResource document) {
            return new Description(document, strategy, this);
        }
        return super.internalGetResourceDescription(resource, strategy);
    }

    private static final class Description extends DefaultResourceDescription {

        private final ReplaceableResource document;

        Description(ReplaceableResource document, IDefaultResourceDescriptionStrategy strategy,
                DocumentDescriptions manager) {
            super(document, strategy, manager.getCache());
            this.document = document;
        }

        @Override
        protected List<IEObjectDescription> computeExportedObjects() {
            return document.exports(super::computeExportedObjects);
        }

        @Override
        protected List<IReferenceDescription> computeReferenceDescriptions() {
            EcoreUtil2.resolveLazyCrossReferences(document, CancelIndicator.NullImpl);
            return document.linksOutside() ? super.computeReferenceDescriptions() : List.of();
        }
    }
}

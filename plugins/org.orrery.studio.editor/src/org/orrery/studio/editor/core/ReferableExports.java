// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

/**
 * Exports only objects that some cross-reference of the language can point at (partitions, ports, plans, VMs,
 * BSPs in Orrery; {@link ReferableTypes}). The language server rebuilds the document's index
 * entry on every keystroke, copying each exported object with its URI (a fragment computed by {@code indexOf}
 * in the containing list); channels, processes, windows and memory regions (~13,000 of ~34,000 named objects on a
 * 1,000-partition system, and the channels sit late in the longest list) cost that time and no other file could
 * ever link to them. The global scope filters exports by reference type anyway, so linking across imports sees
 * exactly what it saw before.
 */
public class ReferableExports extends DefaultResourceDescriptionStrategy {

    @Override
    public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
        if (ReferableTypes.isReferable(object.eClass())) {
            super.createEObjectDescriptions(object, acceptor);
        }
        // Children are always visited: a referable object (a port) may sit inside one that is not exported.
        return true;
    }
}

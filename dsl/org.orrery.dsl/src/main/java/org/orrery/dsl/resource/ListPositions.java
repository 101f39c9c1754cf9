// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.resource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EObject;

/**
 * Positions of contained objects in their containment lists, filled one whole list at a time. EMF's URI fragments
 * ({@code //@elements.9000/@ports.3}) look each position up with {@code indexOf}, so fragments for every object of a
 * 10,000-element list cost a quadratic number of comparisons; indexing, reference descriptions and proxies all ask
 * for them. Concurrent: the language server reads a resource from several threads at once. Must be thrown away
 * when the containment changes (the owner keeps it in the resource's change-evicting cache).
 */
final class ListPositions {

    // EObjects keep identity equals/hashCode, so this is an identity map.
    private final Map<EObject, Integer> positions = new ConcurrentHashMap<>();

    int indexOf(EObject object, List<?> list) {
        Integer known = positions.get(object);
        if (known != null && known < list.size() && list.get(known) == object) {
            return known;
        }
        int found = -1;
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element instanceof EObject e) {
                positions.put(e, i);
            }
            if (element == object) {
                found = i;
            }
        }
        return found;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.resource;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * The language's resource. EMF spells an object's URI fragment ({@code //@elements.9000/@ports.3}) by looking up
 * its position in its container's list with {@code indexOf}, so the fragments of every object of a 10,000-channel
 * list cost a quadratic number of comparisons; the index, reference descriptions, diagnostics and the graphical
 * pages all ask for them. This resource spells the same fragments with the positions taken from
 * {@link ListPositions}, kept in the resource's cache, which every change of the model clears.
 */
public class OrreryResource extends LazyLinkingResource {

    /**
     * The fragment EMF would compute ({@code /} root {@code /@feature.index/...}). Anything unusual (proxies,
     * several roots, keyed or feature-map containment, objects of other resources) takes EMF's own path.
     */
    @Override
    public String getURIFragment(EObject object) {
        if (object.eIsProxy() || getContents().size() != 1) {
            return emfFragment(object);
        }
        StringBuilder path = new StringBuilder();
        EObject current = object;
        for (EObject container = current.eContainer(); container != null; container = current.eContainer()) {
            EReference feature = current.eContainmentFeature();
            if (feature == null || current.eContainingFeature() != feature || !feature.getEKeys().isEmpty()) {
                return emfFragment(object);
            }
            StringBuilder segment = new StringBuilder("/@").append(feature.getName());
            if (feature.isMany()) {
                ListPositions positions = getCache().get(ListPositions.class, this, ListPositions::new);
                segment.append('.').append(positions.indexOf(current, (List<?>) container.eGet(feature, false)));
            }
            path.insert(0, segment);
            current = container;
        }
        if (current != getContents().get(0)) {
            return emfFragment(object);
        }
        return "/" + path;
    }

    /** The fragment as Xtext and EMF spell it, one {@code indexOf} per level. */
    protected final String emfFragment(EObject object) {
        return super.getURIFragment(object);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.scoping;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Names qualified by containment, exactly as Xtext's default provider does it (a named object's name appended to
 * its nearest named container's qualified name: {@code partition.port}), without its per-object reflective
 * dispatch and cache. Linking a 1,000-partition system names ~45,000 objects; the default spent a quarter of the
 * link phase here. Containment is at most three levels deep in this language, so nothing needs caching.
 */
@Singleton
public class OrreryQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {

    private final Map<EClass, Optional<EAttribute>> nameAttributes = new ConcurrentHashMap<>();

    @Inject
    private IQualifiedNameConverter converter;

    @Override
    public QualifiedName getFullyQualifiedName(EObject obj) {
        String name = nameOf(obj);
        if (name == null || name.isEmpty()) {
            return null;
        }
        QualifiedName own = converter.toQualifiedName(name);
        for (EObject c = obj.eContainer(); c != null; c = c.eContainer()) {
            QualifiedName parent = getFullyQualifiedName(c);
            if (parent != null) {
                return parent.append(own);
            }
        }
        return own;
    }

    /** The value of the object's String attribute {@code name}, as Xtext's name resolver reads it. */
    private String nameOf(EObject obj) {
        EAttribute a = nameAttributes.computeIfAbsent(obj.eClass(), OrreryQualifiedNameProvider::nameAttribute)
                .orElse(null);
        return a == null ? null : (String) obj.eGet(a);
    }

    private static Optional<EAttribute> nameAttribute(EClass c) {
        EStructuralFeature f = c.getEStructuralFeature("name");
        return f instanceof EAttribute a && !a.isMany() && a.getEAttributeType().getInstanceClass() == String.class
                ? Optional.of(a) : Optional.empty();
    }
}

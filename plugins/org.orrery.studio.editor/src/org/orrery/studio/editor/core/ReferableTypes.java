// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * Which objects some cross-reference of the language can point at (partitions, ports, plans, VMs, BSPs in
 * Orrery), read from the metamodel rather than listed: an object is referable when its type is, or extends, the
 * type of a non-containment reference declared in its package (the language has one package; a reference declared
 * in another metamodel would not be seen here).
 */
final class ReferableTypes {

    private static final Map<EPackage, Set<EClass>> TARGETS_BY_PACKAGE = new ConcurrentHashMap<>();

    private ReferableTypes() {
    }

    static boolean isReferable(EClass type) {
        for (EClass target : TARGETS_BY_PACKAGE.computeIfAbsent(type.getEPackage(), ReferableTypes::targetsOf)) {
            if (target.isSuperTypeOf(type)) {
                return true;
            }
        }
        return false;
    }

    /** Types of every non-containment reference declared in {@code pkg}. */
    private static Set<EClass> targetsOf(EPackage pkg) {
        Set<EClass> targets = new HashSet<>();
        for (EClassifier classifier : pkg.getEClassifiers()) {
            if (classifier instanceof EClass type) {
                for (EReference ref : type.getEReferences()) {
                    if (!ref.isContainment() && !ref.isContainer()) {
                        targets.add(ref.getEReferenceType());
                    }
                }
            }
        }
        return targets;
    }
}

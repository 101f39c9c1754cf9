// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.OrreryPackage;

/**
 * Base of the rule groups composed into {@link OrreryValidator}. Gives every group the system view, built
 * once per validated file and shared through the validation context.
 */
public abstract class OrreryRules extends AbstractDeclarativeValidator {

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(OrreryPackage.eINSTANCE);
    }

    // Composed groups are run by OrreryValidator; registering them again would report every problem twice.
    @Override
    public void register(EValidatorRegistrar registrar) {
    }

    protected SystemView system(EObject object) {
        Map<Object, Object> context = getContext();
        if (context == null) {
            return SystemView.containing(object);
        }
        @SuppressWarnings("unchecked")
        Map<Model, SystemView> views = (Map<Model, SystemView>) context.computeIfAbsent(SystemView.class,
                k -> new IdentityHashMap<Model, SystemView>());
        return views.computeIfAbsent(SystemView.modelOf(object), m -> SystemView.containing(object));
    }

    /** True when {@code model} is the file that declares the system: whole-system rules report there. */
    protected static boolean isSystemRoot(Model model) {
        return model != null && model.getSystem() != null;
    }

    protected static String q(String name) {
        return "'" + (name == null ? "" : name) + "'";
    }
}

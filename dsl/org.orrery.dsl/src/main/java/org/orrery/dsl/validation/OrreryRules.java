// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

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
        Model own = SystemView.modelOf(object);
        Object key = SystemView.class.getName() + "@" + System.identityHashCode(own);
        Object cached = context.get(key);
        if (cached instanceof SystemView v) {
            return v;
        }
        SystemView v = SystemView.containing(object);
        context.put(key, v);
        return v;
    }

    /** True when {@code model} is the file that declares the system: whole-system rules report there. */
    protected static boolean isSystemRoot(Model model) {
        return model != null && model.getSystem() != null;
    }

    protected static String q(String name) {
        return "'" + (name == null ? "" : name) + "'";
    }
}

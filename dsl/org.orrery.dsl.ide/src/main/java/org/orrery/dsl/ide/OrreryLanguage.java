// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

import org.orrery.dsl.SystemCompiler;

import com.google.inject.Injector;

/**
 * One set-up of the language with its IDE services per process, shared by every tool in it that is not a
 * language server of its own: in Studio, the builder and the graphical pages parse and validate through the
 * same injector. Created explicitly: Xtext's ServiceLoader discovery does not cross OSGi bundles.
 */
public final class OrreryLanguage {

    private static volatile Injector injector;

    private OrreryLanguage() {
    }

    public static Injector injector() {
        Injector i = injector;
        if (i == null) {
            synchronized (OrreryLanguage.class) {
                i = injector;
                if (i == null) {
                    i = new OrreryIdeSetup().createInjectorAndDoEMFRegistration();
                    injector = i;
                }
            }
        }
        return i;
    }

    /** The headless compiler over the shared injector. */
    public static SystemCompiler compiler() {
        return SystemCompiler.with(injector());
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.eclipse.xtext.util.Modules2;
import org.orrery.dsl.OrreryRuntimeModule;
import org.orrery.dsl.OrreryStandaloneSetup;

/** Registers the language with runtime and IDE services; the language server finds it via META-INF/services. */
public class OrreryIdeSetup extends OrreryStandaloneSetup {

    @Override
    public Injector createInjector() {
        return Guice.createInjector(Modules2.mixin(new OrreryRuntimeModule(), new OrreryIdeModule()));
    }
}

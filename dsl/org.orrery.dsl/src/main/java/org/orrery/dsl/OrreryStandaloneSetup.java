// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

/** Registers the language outside Eclipse (CLI, tests, language server). */
public class OrreryStandaloneSetup extends OrreryStandaloneSetupGenerated {

    public static void doSetup() {
        new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.util.Map;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.xtext.XtextPackage;
import org.eclipse.xtext.resource.impl.BinaryGrammarResourceFactoryImpl;

import com.google.inject.Injector;

/** Registers the language outside Eclipse (CLI, tests, language server). */
public class OrreryStandaloneSetup extends OrreryStandaloneSetupGenerated {

    public static void doSetup() {
        new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration();
    }

    /**
     * The generated setup first runs {@code TerminalsStandaloneSetup}, which registers the EMF resource factories
     * and the Xtext package our grammar is loaded with, and then builds a complete Guice injector for the Terminals
     * language only to discard it (its {@code register} does nothing). That second injector was the largest
     * single cost of a cold {@code orrery check}; the registrations are all we need from it.
     */
    @Override
    public Injector createInjectorAndDoEMFRegistration() {
        registerGrammarInfrastructure();
        Injector injector = createInjector();
        register(injector);
        return injector;
    }

    private static void registerGrammarInfrastructure() {
        Map<String, Object> factories = Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap();
        if (!factories.containsKey("ecore")) {
            factories.put("ecore", new EcoreResourceFactoryImpl());
        }
        if (!factories.containsKey("xmi")) {
            factories.put("xmi", new XMIResourceFactoryImpl());
        }
        if (!factories.containsKey("xtextbin")) {
            factories.put("xtextbin", new BinaryGrammarResourceFactoryImpl());
        }
        if (!EPackage.Registry.INSTANCE.containsKey(XtextPackage.eNS_URI)) {
            EPackage.Registry.INSTANCE.put(XtextPackage.eNS_URI, XtextPackage.eINSTANCE);
        }
    }
}

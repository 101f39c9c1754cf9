// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.orrery.dsl.conversion.OrreryValueConverters;
import org.orrery.dsl.documentation.OrreryDocumentation;
import org.orrery.dsl.scoping.OrreryLinkingDiagnostics;

/** Runtime bindings: our value converters, import-by-URI visibility and rule codes on linking errors. */
public class OrreryRuntimeModule extends AbstractOrreryRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return OrreryValueConverters.class;
    }

    // A system sees exactly the files it imports, never everything that happens to be on disk.
    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return ImportUriGlobalScopeProvider.class;
    }

    public Class<? extends LinkingDiagnosticMessageProvider> bindLinkingDiagnosticMessageProvider() {
        return OrreryLinkingDiagnostics.class;
    }

    public Class<? extends IEObjectDocumentationProvider> bindIEObjectDocumentationProvider() {
        return OrreryDocumentation.class;
    }
}

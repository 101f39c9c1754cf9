// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.linking.ILinker;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.orrery.dsl.conversion.OrreryValueConverters;
import org.orrery.dsl.documentation.OrreryDocumentation;
import org.orrery.dsl.formatting.OrreryFormatter;
import org.orrery.dsl.linking.SubtreeLinker;
import org.orrery.dsl.resource.OrreryResource;
import org.orrery.dsl.scoping.OrreryGlobalScopeProvider;
import org.orrery.dsl.scoping.OrreryLinkingDiagnostics;
import org.orrery.dsl.scoping.OrreryLocalScopeProvider;
import org.orrery.dsl.scoping.OrreryQualifiedNameProvider;
import org.orrery.dsl.syntax.OrrerySyntaxErrors;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/**
 * Runtime bindings: our value converters, import-by-URI visibility, containment-qualified names, rule codes on
 * linking errors, syntax errors that name the expected values, the formatter.
 */
public class OrreryRuntimeModule extends AbstractOrreryRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return OrreryValueConverters.class;
    }

    // Edits that replace or add one object link just that object (SubtreeLinker.linkSubtree).
    @Override
    public Class<? extends ILinker> bindILinker() {
        return SubtreeLinker.class;
    }

    // URI fragments without one indexOf per object (quadratic over 10,000 channels).
    @Override
    public Class<? extends XtextResource> bindXtextResource() {
        return OrreryResource.class;
    }

    // A system sees exactly the files it imports, never everything that happens to be on disk.
    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return OrreryGlobalScopeProvider.class;
    }

    // Relative names and the file's own names as Xtext resolves them, without looking for namespace imports.
    @Override
    public void configureIScopeProviderDelegate(Binder binder) {
        binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
                .to(OrreryLocalScopeProvider.class);
    }

    @Override
    public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
        return OrreryQualifiedNameProvider.class;
    }

    public Class<? extends LinkingDiagnosticMessageProvider> bindLinkingDiagnosticMessageProvider() {
        return OrreryLinkingDiagnostics.class;
    }

    public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
        return OrrerySyntaxErrors.class;
    }

    public Class<? extends IEObjectDocumentationProvider> bindIEObjectDocumentationProvider() {
        return OrreryDocumentation.class;
    }

    public Class<? extends IFormatter2> bindIFormatter2() {
        return OrreryFormatter.class;
    }

    // EMF's generic EObjectValidator re-checks multiplicities and proxies of every object: the parser and the
    // linker already report those (as syntax / unresolved-reference), and on a 1,000-partition system it cost
    // ~10% of validation.
    public void configureUseEObjectValidator(Binder binder) {
        binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
    }
}

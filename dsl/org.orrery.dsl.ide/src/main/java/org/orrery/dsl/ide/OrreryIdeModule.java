// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.validation.IResourceValidator;
import org.orrery.dsl.ide.documentation.OrreryContentProposals;
import org.orrery.dsl.ide.documentation.OrreryHoverService;
import org.orrery.dsl.ide.quickfix.OrreryCodeActions;

/**
 * IDE bindings on top of the runtime module: Xtext's defaults plus quick fixes for the schedule rules, and
 * hover and content assist that explain keywords (from the texts {@code docs/language.md} repeats).
 */
public class OrreryIdeModule extends AbstractOrreryIdeModule {

    public Class<? extends IHoverService> bindIHoverService() {
        return OrreryHoverService.class;
    }

    public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
        return OrreryContentProposals.class;
    }

    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return OrreryCodeActions.class;
    }

    public Class<? extends IResourceValidator> bindIResourceValidator() {
        return SyntaxFirstValidator.class;
    }
}

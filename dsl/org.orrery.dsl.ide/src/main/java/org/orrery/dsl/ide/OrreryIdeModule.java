// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.orrery.dsl.ide.quickfix.OrreryCodeActions;

/** IDE bindings on top of the runtime module: Xtext's defaults plus quick fixes for the schedule rules. */
public class OrreryIdeModule extends AbstractOrreryIdeModule {

    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return OrreryCodeActions.class;
    }
}

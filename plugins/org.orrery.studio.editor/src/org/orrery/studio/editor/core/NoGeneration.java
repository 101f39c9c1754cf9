// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The editor's language server never generates: the language binds no Xtext generator (code and configuration
 * come from the project builder and {@code orrery generate}), yet Xtext's default decision "generate when there
 * are no errors" validates the whole document a second time after the builder's own validation, on every
 * keystroke (≈ 13% of the build on a 1,000-partition system).
 */
public class NoGeneration implements IShouldGenerate {

    @Override
    public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
        return false;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

import org.eclipse.xtext.ide.server.ServerLauncher;

/**
 * Starts the Orrery language server on stdin/stdout, for any LSP editor. Languages are discovered through
 * {@code META-INF/services/org.eclipse.xtext.ISetup}, so this only names the entry point.
 */
public final class OrreryLanguageServer {

    private OrreryLanguageServer() {
    }

    public static void main(String[] args) throws Exception {
        ServerLauncher.main(args);
    }
}

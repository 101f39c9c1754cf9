// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.util.concurrent.Callable;

import org.orrery.cli.OrreryCli;
import org.orrery.dsl.ide.OrreryLanguageServer;

import picocli.CommandLine.Command;

/**
 * {@code orrery lsp}: the Orrery language server (the one Orrery Studio runs) for any LSP editor, over stdin and
 * stdout. The language itself is found through {@code META-INF/services} of {@code org.orrery.dsl.ide}.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Run the Orrery language server (LSP, JSON-RPC over stdin/stdout) for editors such as "
                + "VS Code or Neovim. stdout carries only the protocol; logs go to stderr.")
public final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        OrreryLanguageServer.serve();
        return OrreryCli.EXIT_OK; // the client closed stdin without 'exit'
    }
}

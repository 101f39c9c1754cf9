// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.dsl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.orrery.cli.OrreryCli;

import com.google.inject.Guice;

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
        // One stray byte on stdout corrupts the client's framing. The protocol keeps the real stdout; everything
        // else that prints to System.out (Xtext's log4j configuration logs to the console's stdout) goes to
        // stderr, which editors show as the server's log. Xtext's own ServerLauncher instead discards it.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);

        LanguageServerImpl server = Guice.createInjector(new ServerModule()).getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> launcher = Launcher.createLauncher(server, LanguageClient.class, System.in, protocol);
        server.connect(launcher.getRemoteProxy());
        launcher.startListening().get();
        // Reached only when the client closes stdin without 'exit'; an 'exit' notification ends the JVM inside
        // Xtext with the code LSP prescribes (0 after 'shutdown', 1 without).
        return OrreryCli.EXIT_OK;
    }
}

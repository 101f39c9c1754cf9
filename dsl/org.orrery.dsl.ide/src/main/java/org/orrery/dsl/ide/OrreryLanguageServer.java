// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

import com.google.inject.Guice;

/**
 * The Orrery language server on stdin/stdout, for any LSP editor ({@code orrery lsp}). The language is found
 * through {@code META-INF/services/org.eclipse.xtext.ISetup} of this bundle.
 */
public final class OrreryLanguageServer {

    private OrreryLanguageServer() {
    }

    public static void main(String[] args) throws Exception {
        serve();
    }

    /**
     * Serves until the client closes stdin; an {@code exit} notification ends the JVM inside Xtext with the code
     * LSP prescribes (0 after {@code shutdown}, 1 without).
     */
    public static void serve() throws InterruptedException, ExecutionException {
        // One stray byte on stdout corrupts the client's framing. The protocol keeps the real stdout; everything
        // else that prints to System.out (Xtext's log4j configuration logs to the console's stdout) goes to
        // stderr, which editors show as the server's log. Xtext's own ServerLauncher instead discards it.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);

        LanguageServerImpl server = Guice.createInjector(new ServerModule()).getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> launcher = Launcher.createLauncher(server, LanguageClient.class, System.in, protocol);
        server.connect(launcher.getRemoteProxy());
        launcher.startListening().get();
    }
}

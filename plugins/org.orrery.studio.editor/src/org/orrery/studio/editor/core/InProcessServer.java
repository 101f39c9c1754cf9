// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.parser.antlr.IPartialParsingHelper;
import org.eclipse.xtext.parser.antlr.IReferableElementsUnloader;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceFactoryRegistryImpl;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;
import org.eclipse.xtext.validation.IResourceValidator;
import org.orrery.dsl.OrreryRuntimeModule;
import org.orrery.dsl.ide.OrreryIdeModule;
import org.orrery.dsl.ide.OrreryIdeSetup;
import org.orrery.dsl.ide.highlighting.SemanticTokens;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.util.Modules;

/**
 * The Xtext language server for Orrery, running in this JVM. The client talks to it through direct LSP4J
 * interface calls rather than a JSON pipe: both ends live in one process, so serialising every keystroke
 * would only add latency, while the LSP interfaces still keep the editor independent of Xtext internals.
 */
public final class InProcessServer implements AutoCloseable {

    /** The file extension the language registers; one place so the editor and the server agree. */
    public static final String EXTENSION = "orrery";

    /** Xtext's server plus the reads the editor needs that LSP 3 (as Xtext 2.42 serves it) has no request for. */
    static class Server extends LanguageServerImpl {
        CompletableFuture<List<SemanticTokens.Token>> semanticTokens(String uri) {
            return getLanguageServerAccess().doRead(uri, context -> context.getResource() instanceof XtextResource r
                    ? SemanticTokens.of(r) : List.<SemanticTokens.Token>of());
        }

        <T> CompletableFuture<T> read(String uri, Function<XtextResource, T> reading) {
            return getLanguageServerAccess().doRead(uri, context -> context.getResource() instanceof XtextResource r
                    ? reading.apply(r) : null);
        }
    }

    private final Server server;

    private InProcessServer(Server server) {
        this.server = server;
    }

    /**
     * Starts the server over the workspace folder {@code root} and connects {@code client}. Xtext finds
     * languages through {@code java.util.ServiceLoader}, which does not see across OSGi bundles, so the Orrery
     * language is registered explicitly in the registry the server is built with.
     */
    public static InProcessServer start(URI root, LanguageClient client) {
        ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
        Injector language = languageInjector(registry);
        registry.getExtensionToFactoryMap().put(EXTENSION, language.getInstance(IResourceServiceProvider.class));
        // Resources must be created by this language's factory too. The server's resource sets would otherwise ask
        // EMF's global registry, where the last Orrery injector of the JVM (the project builder's, a graphical
        // editor's) wins: its parser's grammar objects are not the ones this injector's content-assist parser
        // knows, and completion failed with a NullPointerException on every request.
        Resource.Factory.Registry factories = new ResourceFactoryRegistryImpl();
        factories.getExtensionToFactoryMap().put(EXTENSION, language.getInstance(IResourceFactory.class));
        Provider<XtextResourceSet> resourceSets = () -> {
            XtextResourceSet set = new XtextResourceSet();
            set.setResourceFactoryRegistry(factories);
            return set;
        };
        Injector injector = Guice.createInjector(Modules.override(new ServerModule()).with(binder -> {
            binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry);
            binder.bind(XtextResourceSet.class).toProvider(resourceSets);
            // An open document's keystroke updates its resource in place (partial parsing) instead of a new parse.
            binder.bind(WorkspaceManager.class).to(EditRecordingWorkspaceManager.class);
            binder.bind(IncrementalBuilder.InternalStatefulIncrementalBuilder.class).to(InPlaceUpdatingBuilder.class);
        }));
        Server impl = injector.getInstance(Server.class);
        impl.connect(client);
        InitializeParams init = new InitializeParams();
        init.setCapabilities(capabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toString(), "workspace")));
        setRootUri(init, root.toString());
        try {
            impl.initialize(init).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("Orrery language server did not start: " + e.getMessage(), e);
        }
        impl.initialized(new InitializedParams());
        return new InProcessServer(impl);
    }

    /**
     * The language's injector, looking languages up in {@code registry} instead of the global registry. Services
     * such as rename find "the language of this resource" through the registry; the global one holds whatever
     * Orrery injector registered last in this JVM (often the builder's runtime-only one, without IDE services:
     * rename failed on a missing rename strategy).
     */
    private static Injector languageInjector(IResourceServiceProvider.Registry registry) {
        return new OrreryIdeSetup() {
            @Override
            public Injector createInjector() {
                return Guice.createInjector(Modules.override(Modules2.mixin(new OrreryRuntimeModule(),
                        new OrreryIdeModule())).with(editorBindings(), b -> b.bind(
                                IResourceServiceProvider.Registry.class).toInstance(registry)));
            }
        }.createInjectorAndDoEMFRegistration();
    }

    /**
     * What the editor's server binds beyond the language's own modules (its tests use exactly these). Replacing
     * the document's resource on each keystroke must not proxify all of it, nor copy index entries for objects
     * no reference can target, nor validate it twice to decide about a generation that never happens here; the
     * partial parser that updates it in place must not lex the whole text to find the tokens around a change, nor
     * proxify replaced objects nothing outside the document points at, nor link the whole model again when the
     * object it replaced cannot change what any other reference means, nor rebuild the index entry's parts that
     * such an update leaves as they were; nor validate again a document none of whose models changed since its last
     * validation (the open of a file the workspace build has just validated).
     */
    public static Module editorBindings() {
        return b -> {
            b.bind(XtextResource.class).to(ReplaceableResource.class);
            b.bind(IDefaultResourceDescriptionStrategy.class).to(ReferableExports.class);
            b.bind(IShouldGenerate.class).to(NoGeneration.class);
            b.bind(IPartialParsingHelper.class).to(LocalPartialParsing.class);
            b.bind(TokenRegionProvider.class).to(NearbyTokenRegions.class);
            b.bind(IReferableElementsUnloader.class).to(OutsideReferencesUnloader.class);
            b.bind(IResourceDescription.Manager.class).to(DocumentDescriptions.class);
            b.bind(IResourceValidator.class).to(UnchangedModelValidator.class);
        };
    }

    // Hierarchical symbols give the outline its tree; without it Xtext answers with a flat list.
    private static ClientCapabilities capabilities() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        ClientCapabilities caps = new ClientCapabilities();
        caps.setTextDocument(text);
        return caps;
    }

    // Xtext's workspace manager still reads the deprecated root URI.
    @SuppressWarnings("deprecation")
    private static void setRootUri(InitializeParams init, String uri) {
        init.setRootUri(uri);
    }

    public LanguageServer server() {
        return server;
    }

    /** What each name in the document means (semantic highlighting), computed on the server's parse. */
    public CompletableFuture<List<SemanticTokens.Token>> semanticTokens(String uri) {
        return server.semanticTokens(uri);
    }

    /**
     * Reads the server's current resource of {@code uri} (null for a document it does not know), in the server's
     * read lock: the resource must not escape {@code reading}, the next keystroke changes it.
     */
    public <T> CompletableFuture<T> read(String uri, Function<XtextResource, T> reading) {
        return server.read(uri, reading);
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down the workbench: nothing useful is left to do with a failure here.
        }
        // No exit(): Xtext's default exit handler ends the whole JVM, which is the workbench's to do.
    }
}

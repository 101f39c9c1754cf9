// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.orrery.dsl.OrreryRuntimeModule;
import org.orrery.dsl.OrreryStandaloneSetup;
import org.orrery.studio.editor.core.InProcessServer;
import org.orrery.studio.editor.core.NoGeneration;
import org.orrery.studio.editor.core.ReferableExports;
import org.orrery.studio.editor.core.ReplaceableResource;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * The Orrery language with the editor server's own bindings ({@link InProcessServer#editorBindings()}:
 * {@link ReplaceableResource}, {@link ReferableExports}, {@link NoGeneration}), without a server: for tests of
 * those classes on resources they can inspect directly (the server offers no way to reach its resources).
 */
final class EditorLanguage {

    private final Injector injector;

    private EditorLanguage(Injector injector) {
        this.injector = injector;
    }

    /** The runtime language plus the editor's bindings. */
    static EditorLanguage withEditorBindings() {
        // Registers the language's EPackage and the Xtext grammar infrastructure once per JVM.
        new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration();
        return new EditorLanguage(Guice.createInjector(Modules.override(new OrreryRuntimeModule())
                .with(InProcessServer.editorBindings())));
    }

    /** The runtime language as the compiler and builder have it. */
    static EditorLanguage plain() {
        return new EditorLanguage(new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration());
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /** A resource set whose .orrery resources come from this injector's factory. */
    XtextResourceSet resourceSet() {
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("orrery",
                injector.getInstance(IResourceFactory.class));
        return set;
    }

    /** {@code text} written to {@code file} and loaded into {@code set}. */
    static XtextResource load(XtextResourceSet set, Path file, String text) throws IOException {
        Files.writeString(file, text);
        XtextResource resource = (XtextResource) set.createResource(URI.createFileURI(file.toString()));
        resource.load(Map.of());
        return resource;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.internal;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.orrery.os.image.BuildRequest;
import org.orrery.toolchain.ImageRun;
import org.osgi.framework.Bundle;

/**
 * The OS modules an image carries, and the toolchain modules a board process needs beside them, as files. The
 * image builder and {@link ImageRun} find modules by reading manifests through a class loader; an OSGi bundle
 * loader does not show other bundles' manifests, so Studio hands them a loader over the installed bundles' jars
 * (or class folders when running from a development workspace).
 */
public final class OsModules {

    private static URLClassLoader loader;

    private OsModules() {
    }

    public static synchronized ClassLoader loader() {
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            for (String name : Stream.concat(BuildRequest.DEFAULT_KERNEL_MODULES.stream(), ImageRun.TOOL_MODULES.stream())
                    .distinct().toList()) {
                Bundle b = Platform.getBundle(name);
                if (b == null) {
                    continue; // the builder reports the missing module by name
                }
                FileLocator.getBundleFileLocation(b).map(OsModules::url).ifPresent(urls::add);
            }
            // No parent: only these files' manifests may be found.
            loader = new URLClassLoader("orrery-os-modules", urls.toArray(URL[]::new), null);
        }
        return loader;
    }

    private static URL url(File f) {
        try {
            return f.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(f + ": " + e.getMessage(), e);
        }
    }
}

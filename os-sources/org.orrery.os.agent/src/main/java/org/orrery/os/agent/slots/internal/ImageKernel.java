// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The boot child runs the kernel the image holds, not the one the agent was built with: the image's OS modules
 * (verified with the image, written to {@code DIR/run/kernel/} by {@link org.orrery.os.image.KernelClassPath})
 * take the place of the agent's own copies of the same bundles on the child's class path. The agent's code that is not in the image (itself, the image
 * library, the hosted board) stays.
 */
public final class ImageKernel {

    private ImageKernel() {
    }

    /** {@code classPath} with every entry whose bundle is one of {@code replaced}'s bundles swapped for those jars. */
    public static String classPath(List<String> classPath, Map<String, Path> replaced) {
        List<String> out = new ArrayList<>();
        for (Path jar : replaced.values()) {
            out.add(jar.toString());
        }
        for (String entry : classPath) {
            String bundle = bundleName(Path.of(entry));
            if (bundle == null || !replaced.containsKey(bundle)) {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    /** The {@code Bundle-SymbolicName} of a jar or classes folder (bnd writes it), or null. */
    static String bundleName(Path entry) {
        try {
            Manifest m;
            if (Files.isDirectory(entry)) {
                Path file = entry.resolve(JarFile.MANIFEST_NAME);
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    m = new Manifest(in);
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    m = jar.getManifest();
                }
            } else {
                return null;
            }
            String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null ? null : bsn.split(";")[0].strip();
        } catch (IOException e) {
            return null;
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Finds the OS modules the running tool was started with (each identified by the {@code Bundle-SymbolicName}
 * bnd writes into its manifest) and repackages them deterministically, so an image built from a jar and one
 * built from a {@code target/classes} directory hold identical bytes.
 */
public final class KernelModules {

    private KernelModules() {
    }

    /** Where each wanted module lives: a jar or a classes directory. Missing modules are absent from the map. */
    public static Map<String, Path> locate(List<String> bundleNames, ClassLoader loader) {
        Map<String, Path> found = new LinkedHashMap<>();
        try {
            Enumeration<URL> manifests = loader.getResources(DeterministicJar.MANIFEST);
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                String bsn = bundleName(url);
                if (bsn != null && bundleNames.contains(bsn) && !found.containsKey(bsn)) {
                    Path root = rootOf(url);
                    if (root != null) {
                        found.put(bsn, root);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The module's files (manifest and Maven metadata excluded), read from a jar or a directory. */
    public static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if (keep(name)) {
                        files.put(name, Files.readAllBytes(p));
                    }
                }
            }
        } else {
            try (JarInputStream jar = new JarInputStream(Files.newInputStream(root))) {
                for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                    if (!e.isDirectory() && keep(e.getName())) {
                        files.put(e.getName(), jar.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    /** The bundle's main manifest attributes we carry into the repackaged jar. */
    public static Map<String, String> identity(Path root) throws IOException {
        Manifest mf;
        if (Files.isDirectory(root)) {
            try (InputStream in = Files.newInputStream(root.resolve(DeterministicJar.MANIFEST))) {
                mf = new Manifest(in);
            }
        } else {
            try (JarInputStream jar = new JarInputStream(Files.newInputStream(root))) {
                mf = jar.getManifest();
            }
        }
        Map<String, String> out = new TreeMap<>();
        if (mf != null) {
            for (String key : List.of("Bundle-SymbolicName", "Bundle-Version", "Implementation-Version")) {
                String v = mf.getMainAttributes().getValue(key);
                if (v != null) {
                    out.put(key, v);
                }
            }
        }
        return out;
    }

    private static boolean keep(String name) {
        return !name.equals(DeterministicJar.MANIFEST) && !name.startsWith("META-INF/maven/")
                && !name.endsWith("/");
    }

    private static String bundleName(URL manifest) {
        try (InputStream in = manifest.openStream()) {
            String v = new Manifest(in).getMainAttributes().getValue(new Attributes.Name("Bundle-SymbolicName"));
            return v == null ? null : v.split(";", 2)[0].trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static Path rootOf(URL manifest) {
        try {
            String s = manifest.toString();
            if (s.startsWith("jar:file:")) {
                return Path.of(new URI(s.substring(4, s.indexOf("!/"))));
            }
            if (s.startsWith("file:")) {
                return Path.of(manifest.toURI()).getParent().getParent();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.image.internal.KernelModules;

/**
 * The class path of a board process that runs the kernel an image holds: the image's OS modules, written to
 * files, followed by the tool's own modules that the image does not carry (the loader that boots it, the image
 * library, a board the image leaves to the machine). The tool's copies of modules the image does carry never
 * appear, so what runs is what was verified.
 */
public final class KernelClassPath {

    private final List<Path> entries;

    private KernelClassPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Writes {@code image}'s OS modules into a fresh {@code dir} and adds {@code toolModules} (bundle names, found
     * through {@code loader} as the image builder finds them) that the image does not hold.
     *
     * @throws IOException the folder cannot be written, or a tool module is not where the loader says
     */
    public static KernelClassPath of(Image image, Path dir, List<String> toolModules, ClassLoader loader)
            throws IOException {
        Map<String, byte[]> carried = new LinkedHashMap<>();
        for (String m : image.kernelModules()) {
            carried.put(m, image.kernelModule(m));
        }
        List<Path> entries = new ArrayList<>(extract(dir, carried));
        List<String> wanted = toolModules.stream().filter(m -> !carried.containsKey(m)).toList();
        Map<String, Path> found = KernelModules.locate(wanted, loader);
        for (String m : wanted) {
            Path p = found.get(m);
            if (p == null) {
                throw new IOException("module " + m + " is not part of this installation");
            }
            entries.add(p);
        }
        return new KernelClassPath(entries);
    }

    /** Writes the modules (bundle name → jar bytes) into a fresh {@code dir}; returns the jar files. */
    public static List<Path> extract(Path dir, Map<String, byte[]> modules) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
        List<Path> jars = new ArrayList<>();
        for (Map.Entry<String, byte[]> m : modules.entrySet()) {
            Path jar = dir.resolve(m.getKey() + ".jar");
            Path tmp = dir.resolve(m.getKey() + ".jar.tmp");
            Files.write(tmp, m.getValue());
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
            jars.add(jar);
        }
        return jars;
    }

    public List<Path> entries() {
        return entries;
    }

    /** The entries joined for {@code -cp}. */
    public String asArgument() {
        return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
    }
}

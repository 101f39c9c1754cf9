// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Where a partition's classes came from, so that a finding names a file the user can open. */
public interface CodeOrigin {

    /**
     * @param entry      the class's path in the jar ({@code demo/Bad.class})
     * @param sourceFile its SourceFile attribute ({@code Bad.java}), or {@code null}
     */
    String fileOf(String entry, String sourceFile);

    /**
     * Classes compiled from a source folder: a class names the source file it came from, as {@code display}
     * followed by its path in the folder, or {@code <generated>/path} for a generated source.
     *
     * @param generated relative paths of the generated sources compiled with the folder
     */
    static CodeOrigin sources(Path dir, String display, Set<String> generated) {
        Set<String> gen = Set.copyOf(generated);
        return (entry, sourceFile) -> {
            if (sourceFile != null) {
                int slash = entry.lastIndexOf('/');
                String rel = (slash < 0 ? "" : entry.substring(0, slash + 1)) + sourceFile;
                if (gen.contains(rel)) {
                    return "<generated>/" + rel;
                }
                if (Files.isRegularFile(dir.resolve(rel))) {
                    return display + "/" + rel;
                }
            }
            return entry;
        };
    }

    /** Classes from a prebuilt jar: a class names its entry, as {@code display!/entry}. */
    static CodeOrigin jar(String display) {
        return (entry, sourceFile) -> display + "!/" + entry;
    }
}

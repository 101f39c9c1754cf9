// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.orrery.os.image.internal.AppCompiler;

/** Tiny partition applications compiled the way the image builder compiles them, then verified. */
final class Apps {

    private Apps() {
    }

    /** Writes {@code demo/<Name>.java} for each source (named after its first top-level type), compiles, verifies. */
    static List<Finding> verify(Path dir, String... sources) throws Exception {
        return PartitionCodeVerifier.standard().verify(compile(dir, sources),
                CodeOrigin.sources(dir, "apps/demo", Set.of()));
    }

    static Map<String, byte[]> compile(Path dir, String... sources) throws Exception {
        for (String source : sources) {
            Path file = dir.resolve("demo/" + typeName(source) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        }
        // The fixtures may name the OS's configuration classes (kernel-access), so they are on the class path.
        AppCompiler.Result r = AppCompiler.compile(dir, "apps/demo", new TreeMap<>(),
                List.of(location(org.orrery.os.api.Partition.class), location(org.orrery.os.config.SystemConfig.class)));
        if (!r.ok()) {
            throw new AssertionError("fixture does not compile: " + r.errors());
        }
        return r.classes();
    }

    private static String typeName(String source) {
        var m = java.util.regex.Pattern.compile("(?:class|record|enum|interface)\\s+(\\w+)").matcher(source);
        if (!m.find()) {
            throw new IllegalArgumentException("no type in " + source);
        }
        return m.group(1);
    }

    static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}

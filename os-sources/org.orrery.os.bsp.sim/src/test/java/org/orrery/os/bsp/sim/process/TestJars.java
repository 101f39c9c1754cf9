// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.orrery.os.api.Partition;
import org.orrery.os.partition.PartitionClassLoader;
import org.orrery.os.partition.PartitionMain;

/** Jars made from the test's class path, as an image carries them. */
public final class TestJars {

    private TestJars() {
    }

    /** The runtime modules a partition process starts from, by bundle name. */
    public static Map<String, byte[]> runtime() throws IOException, URISyntaxException {
        return Map.of("org.orrery.os.api", jarOf(Partition.class, null),
                "org.orrery.os.partition", jarOf(PartitionMain.class, null));
    }

    /** The classes of {@code type}'s code source (those under {@code prefix} only, when given) as a jar. */
    public static byte[] jarOf(Class<?> type, String prefix) throws IOException, URISyntaxException {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(root)) {
            return Files.readAllBytes(root);
        }
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (prefix == null || name.startsWith(prefix)) {
                    entries.put(name, Files.readAllBytes(f));
                }
            }
        }
        return PartitionClassLoader.jar(entries);
    }
}

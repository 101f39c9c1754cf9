// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A built image and the figures the build reports.
 *
 * @param bytes        the whole {@code .oimg}
 * @param manifest     its manifest
 * @param classBytes   per kernel module: uncompressed bytes of its {@code .class} files
 * @param jarBytes     per kernel module: size of its jar inside the image
 * @param warnings     things worth saying that did not stop the build (e.g. a partition without application)
 */
public record BuildResult(byte[] bytes, ImageManifest manifest, SortedMap<String, Long> classBytes,
        SortedMap<String, Long> jarBytes, List<String> warnings) {

    public BuildResult {
        classBytes = new TreeMap<>(classBytes);
        jarBytes = new TreeMap<>(jarBytes);
        warnings = List.copyOf(warnings);
    }

    public long kernelClassBytes() {
        return classBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long kernelJarBytes() {
        return jarBytes.values().stream().mapToLong(Long::longValue).sum();
    }
}

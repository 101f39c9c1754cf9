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
 * @param verifyNanos  wall time spent verifying partition code (not part of the image; for benchmarks)
 */
public record BuildResult(byte[] bytes, ImageManifest manifest, SortedMap<String, Long> classBytes,
        SortedMap<String, Long> jarBytes, List<String> warnings, long verifyNanos) {

    public BuildResult {
        classBytes = new TreeMap<>(classBytes);
        jarBytes = new TreeMap<>(jarBytes);
        warnings = List.copyOf(warnings);
    }

    /** The modules whose size has a budget (issue: kernel + partition API); the rest is configuration, trace, BSP. */
    public static final List<String> KERNEL_AND_API = List.of(ImageBuilder.API_MODULE, "org.orrery.os.kernel");

    /** Uncompressed class bytes of every OS module in the image. */
    public long osClassBytes() {
        return sum(classBytes, classBytes.keySet());
    }

    /** Bytes the OS modules' jars take in the image. */
    public long osJarBytes() {
        return sum(jarBytes, jarBytes.keySet());
    }

    public long kernelAndApiClassBytes() {
        return sum(classBytes, KERNEL_AND_API);
    }

    public long kernelAndApiJarBytes() {
        return sum(jarBytes, KERNEL_AND_API);
    }

    private static long sum(SortedMap<String, Long> sizes, java.util.Collection<String> modules) {
        return modules.stream().mapToLong(m -> sizes.getOrDefault(m, 0L)).sum();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A verified (or about to be written) image: the manifest and each entry's bytes. Entry names follow a small
 * convention so loader and tools agree without a second table.
 *
 * @param signer SHA-256 fingerprint (hex) of the key that signed it; empty for an image not yet signed
 */
public record Image(ImageManifest manifest, Map<String, byte[]> contents, String signer) {

    /** The canonical configuration bytes (org.orrery.os.config format). */
    public static final String CONFIG_ENTRY = "config/system.ocfg";
    /** Kernel module jars: {@code kernel/<bundle>.jar}. */
    public static final String KERNEL_PREFIX = "kernel/";
    /** Partition application jars: {@code apps/<partition>.jar}. */
    public static final String APPS_PREFIX = "apps/";
    public static final String JAR_SUFFIX = ".jar";

    public Image {
        contents = Collections.unmodifiableMap(new TreeMap<>(contents));
    }

    public byte[] config() {
        return contents.get(CONFIG_ENTRY);
    }

    /** Application jar of a partition, or null when the partition has no application. */
    public byte[] applicationJar(String partition) {
        return contents.get(APPS_PREFIX + partition + JAR_SUFFIX);
    }

    /** Partitions that carry an application jar, sorted. */
    public List<String> applicationPartitions() {
        return names(APPS_PREFIX);
    }

    /** Kernel module names (bundle symbolic names), sorted. */
    public List<String> kernelModules() {
        return names(KERNEL_PREFIX);
    }

    /** The jar of OS module {@code bundle} (a bundle symbolic name), or null when the image has none. */
    public byte[] kernelModule(String bundle) {
        return contents.get(KERNEL_PREFIX + bundle + JAR_SUFFIX);
    }

    /** Total bytes of the kernel module jars. */
    public long kernelBytes() {
        return contents.entrySet().stream().filter(e -> e.getKey().startsWith(KERNEL_PREFIX))
                .mapToLong(e -> e.getValue().length).sum();
    }

    private List<String> names(String prefix) {
        return contents.keySet().stream().filter(n -> n.startsWith(prefix) && n.endsWith(JAR_SUFFIX))
                .map(n -> n.substring(prefix.length(), n.length() - JAR_SUFFIX.length())).toList();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.orrery.os.config.SystemConfig;

/**
 * Everything an image is made of. Same request, same bytes.
 *
 * @param config           the validated system model (written through {@code ConfigWriter})
 * @param sourceRoot       directory that partitions' {@code sourcePath}s are relative to (the system file's)
 * @param generatedSources per partition name: extra sources (relative path → text), e.g. typed port constants
 * @param kernelModules    bundle names of the OS modules to include, located on the running tool's class path
 * @param securityCounter  monotonic anti-rollback counter recorded in the manifest
 * @param signingKey       Ed25519 private key, or {@code null} for an unsigned image (loaders refuse those)
 */
public record BuildRequest(SystemConfig config, Path sourceRoot, Map<String, SortedMap<String, String>> generatedSources,
        List<String> kernelModules, long securityCounter, PrivateKey signingKey) {

    /** The OS modules a bootable sim image needs. */
    public static final List<String> DEFAULT_KERNEL_MODULES = List.of("org.orrery.os.api", "org.orrery.os.config",
            "org.orrery.os.trace", "org.orrery.os.kernel", "org.orrery.os.partition", "org.orrery.os.bsp.sim");

    public BuildRequest {
        generatedSources = new TreeMap<>(generatedSources);
        kernelModules = List.copyOf(kernelModules);
    }

    public static BuildRequest of(SystemConfig config, Path sourceRoot, PrivateKey key) {
        return new BuildRequest(config, sourceRoot, Map.of(), DEFAULT_KERNEL_MODULES, 0, key);
    }
}

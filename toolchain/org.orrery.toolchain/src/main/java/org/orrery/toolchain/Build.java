// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.orrery.dsl.generator.ConstantsGenerator;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.image.BuildRequest;
import org.orrery.os.image.BuildResult;
import org.orrery.os.image.ImageBuildException;
import org.orrery.os.image.ImageBuilder;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;

/**
 * The build step: a compiled system becomes its generated configuration, reports and constants (when asked)
 * and its image, signed when a key is given. The image file is written only when the whole build succeeded,
 * so a bad system never replaces a good image.
 */
public final class Build {

    private final Compiled compiled;
    private final SystemConfig config;
    private PrivateKey key;
    private long securityCounter;
    private List<String> osModules = BuildRequest.DEFAULT_KERNEL_MODULES;
    private ClassLoader osModuleLoader;
    private Path generateTo;
    private Path applications;

    private Build(Compiled compiled) {
        this.compiled = compiled;
        this.config = compiled.config().orElseThrow(() -> new IllegalArgumentException(
                compiled.file() + " did not compile to a system; report its diagnostics instead of building"));
    }

    /** @throws IllegalArgumentException when {@code compiled} holds no configuration (it has errors) */
    public static Build of(Compiled compiled) {
        return new Build(compiled);
    }

    /** Signs with {@code key}; without one the image is unsigned (boards refuse to boot it from a file). */
    public Build signedWith(PrivateKey signingKey) {
        this.key = signingKey;
        return this;
    }

    /** The anti-rollback counter recorded in the manifest. */
    public Build securityCounter(long counter) {
        if (counter < 0) {
            throw new IllegalArgumentException("security counter must be >= 0: " + counter);
        }
        this.securityCounter = counter;
        return this;
    }

    /** The OS modules to pack (bundle names), and where their jars are found (null: this class's loader). */
    public Build osModules(List<String> bundles, ClassLoader loader) {
        if (bundles != null && !bundles.isEmpty()) {
            this.osModules = List.copyOf(bundles);
        }
        this.osModuleLoader = loader;
        return this;
    }

    /** Also writes the generated configuration, reports and constants into {@code dir}. */
    public Build generateTo(Path dir) {
        this.generateTo = dir;
        return this;
    }

    /**
     * The folder the partitions' application paths ({@code source "apps/fcs"}) are relative to; without it, the
     * system file's folder. An .orcf that {@code orrery generate -o} wrote needs the folder of its system.orrery.
     */
    public Build applicationsFrom(Path dir) {
        this.applications = dir;
        return this;
    }

    /** Where application paths are resolved: {@link #applicationsFrom}, else the system file's folder. */
    public Path applicationRoot() {
        if (applications != null) {
            return applications;
        }
        Path parent = compiled.file().getParent();
        return parent == null ? Path.of("") : parent;
    }

    /** Application paths of the configuration that do not exist under {@link #applicationRoot()}. */
    public List<Path> missingApplications() {
        return config.partitions().stream().filter(p -> !p.sourcePath().isEmpty())
                .map(p -> applicationRoot().resolve(p.sourcePath()).normalize())
                .filter(p -> !Files.exists(p)).toList();
    }

    public SystemConfig config() {
        return config;
    }

    /** Generates (if asked) and writes the image to {@code image}. */
    public BuildResult to(Path image) throws ImageBuildException, IOException, ConfigException {
        if (generateTo != null) {
            GeneratedFolder.write(SystemGenerator.outputs(config), generateTo);
        }
        return ImageBuilder.buildTo(request(), image, loader());
    }

    /**
     * Builds an unsigned image in memory and loads it: for running a system description directly, where
     * nothing leaves this process and so there is nothing to verify.
     */
    public Loaded inMemory() throws ImageBuildException, ImageException {
        BuildResult built = ImageBuilder.build(request(), loader());
        String name = compiled.file().toString();
        return new Loaded(built, LoadedImage.of(ImageVerifier.inspect(built.bytes(), name), name));
    }

    /** An in-memory build: the builder's figures and warnings, and the image ready to boot. */
    public record Loaded(BuildResult result, LoadedImage image) {}

    private ClassLoader loader() {
        return osModuleLoader != null ? osModuleLoader : Build.class.getClassLoader();
    }

    /**
     * Application source paths in a system description are relative to the file that declares them, so the
     * system file's folder is the source root unless {@link #applicationsFrom} names another; relative paths stay
     * relative so compiler messages name files the way the user wrote them.
     */
    private BuildRequest request() {
        return new BuildRequest(config, applicationRoot(), constantsPerPartition(config), osModules, securityCounter,
                key);
    }

    /** Each partition compiles with its own constants class only (the generator names it after the partition). */
    static Map<String, SortedMap<String, String>> constantsPerPartition(SystemConfig config) {
        Map<String, String> all = ConstantsGenerator.generate(config);
        Map<String, SortedMap<String, String>> perPartition = new TreeMap<>();
        for (PartitionConfig p : config.partitions()) {
            int dot = p.entryClass().lastIndexOf('.');
            String pkg = dot < 0 ? "" : p.entryClass().substring(0, dot).replace('.', '/') + "/";
            String path = pkg + ConstantsGenerator.className(p) + ".java";
            String source = all.get(path);
            if (source != null) {
                perPartition.put(p.name(), new TreeMap<>(Map.of(path, source)));
            }
        }
        return perPartition;
    }
}

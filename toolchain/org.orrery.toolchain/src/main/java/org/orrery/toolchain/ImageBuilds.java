// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;

import org.orrery.os.config.SystemConfig;
import org.orrery.os.image.BuildRequest;
import org.orrery.os.image.BuildResult;
import org.orrery.os.image.ImageBuildException;
import org.orrery.os.image.ImageBuilder;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.LoadedImage;

/** The image-building conventions every front end shares: where sources are found and where images go. */
public final class ImageBuilds {

    /** Folder (beside the system description) that builds write into. */
    public static final String BUILD_DIR = "build";
    public static final String IMAGE_EXTENSION = ".oimg";
    /** Suffix of the trace folder a run of {@code build/<system>.oimg} writes: {@code build/<system>-trace}. */
    public static final String TRACE_SUFFIX = "-trace";

    private ImageBuilds() {
    }

    /**
     * Application source paths in a system description are relative to the file that declares them, so the
     * system file's folder is the source root; relative system paths stay relative so compiler messages name
     * files the way the user wrote them.
     */
    public static BuildRequest request(SystemSources.Loaded loaded, Path systemFile, List<String> osModules,
            long securityCounter, PrivateKey key) {
        Path sourceRoot = systemFile.getParent() == null ? Path.of("") : systemFile.getParent();
        return new BuildRequest(loaded.config(), sourceRoot, loaded.generatedSources(),
                osModules == null ? BuildRequest.DEFAULT_KERNEL_MODULES : osModules, securityCounter, key);
    }

    /** {@code <base>/build/<system>.oimg}. */
    public static Path defaultImage(Path base, SystemConfig config) {
        return base.resolve(BUILD_DIR).resolve(config.name() + IMAGE_EXTENSION);
    }

    /** {@code <base>/build/<system>-trace}. */
    public static Path defaultTraceDir(Path base, SystemConfig config) {
        return base.resolve(BUILD_DIR).resolve(config.name() + TRACE_SUFFIX);
    }

    /**
     * Builds an unsigned image in memory and loads it: for running a system description directly, where
     * nothing leaves this process and so there is nothing to verify.
     */
    public static Built inMemory(BuildRequest request, String name, ClassLoader osModules)
            throws ImageBuildException, ImageException {
        BuildResult built = osModules == null ? ImageBuilder.build(request) : ImageBuilder.build(request, osModules);
        return new Built(built, LoadedImage.of(ImageVerifier.inspect(built.bytes(), name), name));
    }

    /** An in-memory build: the builder's figures and warnings, and the image ready to boot. */
    public record Built(BuildResult result, LoadedImage image) {}
}

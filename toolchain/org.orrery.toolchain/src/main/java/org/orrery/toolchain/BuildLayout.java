// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.nio.file.Path;

import org.orrery.os.config.SystemConfig;

/** Where every front end puts what the steps make, beside the system description. */
public final class BuildLayout {

    /** Folder (beside the system description) that builds write into. */
    public static final String BUILD_DIR = "build";
    public static final String IMAGE_EXTENSION = ".oimg";
    /** Suffix of the trace folder a run of {@code build/<system>.oimg} writes: {@code build/<system>-trace}. */
    public static final String TRACE_SUFFIX = "-trace";

    private BuildLayout() {
    }

    /** {@code <base>/build/<system>.oimg}. */
    public static Path defaultImage(Path base, SystemConfig config) {
        return base.resolve(BUILD_DIR).resolve(config.name() + IMAGE_EXTENSION);
    }

    /** {@code <base>/build/<system>}: the generated configuration, reports and constants. */
    public static Path defaultGenerated(Path base, SystemConfig config) {
        return base.resolve(BUILD_DIR).resolve(config.name());
    }

    /** {@code <base>/build/<system>-trace}. */
    public static Path defaultTraceDir(Path base, SystemConfig config) {
        return base.resolve(BUILD_DIR).resolve(config.name() + TRACE_SUFFIX);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.SystemConfig;

/**
 * A trace folder as {@code orrery run --trace DIR} leaves it: the CTF trace plus the configuration the run
 * booted, which names what the events' indexes refer to and what the schedule should have been.
 */
public final class TraceFolder {

    private TraceFolder() {
    }

    public static Timeline load(Path dir, long toleranceNs) throws IOException {
        return TimelineBuilder.read(dir, config(dir), toleranceNs);
    }

    /** The configuration the traced run booted, from the folder's companion file. */
    public static SystemConfig config(Path dir) throws IOException {
        Path configFile = dir.resolve(ConfigFormat.TRACE_COMPANION_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new IOException(dir + ": not an Orrery trace folder (no " + ConfigFormat.TRACE_COMPANION_FILE
                    + " beside the CTF streams)");
        }
        try {
            return ConfigReader.read(Files.readAllBytes(configFile));
        } catch (ConfigException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
    }
}

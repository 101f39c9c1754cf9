// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.SystemConfig;

/**
 * Everything {@code orrery generate} writes for a system, as named byte arrays: the canonical configuration,
 * the reports and the typed constants. Same configuration, same files, same bytes.
 */
public final class SystemGenerator {

    public static final String CONFIG_FILE = "system.orcf";
    public static final String REPORTS_DIR = "reports";
    public static final String CONSTANTS_DIR = "constants";

    private SystemGenerator() {
    }

    /** Output files keyed by path relative to the output directory, in a fixed order. */
    public static Map<String, byte[]> outputs(SystemConfig config) throws ConfigException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CONFIG_FILE, ConfigWriter.write(config));
        files.put(REPORTS_DIR + "/schedule.txt", utf8(ScheduleReport.table(config)));
        ScheduleReport.gantt(config).forEach((name, svg) -> files.put(REPORTS_DIR + "/" + name, utf8(svg)));
        files.put(REPORTS_DIR + "/memory-map.txt", utf8(ResourceReport.memoryMap(config)));
        files.put(REPORTS_DIR + "/utilisation.txt", utf8(ResourceReport.utilisation(config)));
        files.put(REPORTS_DIR + "/response-times.txt", utf8(ResponseTimeReport.table(config)));
        ConstantsGenerator.generate(config).forEach((path, src) -> files.put(CONSTANTS_DIR + "/" + path, utf8(src)));
        return files;
    }

    /** Writes {@link #outputs} under {@code dir}; returns the files written. */
    public static List<Path> write(SystemConfig config, Path dir) throws IOException, ConfigException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : outputs(config).entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            written.add(target);
        }
        return written;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

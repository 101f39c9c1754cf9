// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.orrery.dsl.Compilation;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.generator.ConstantsGenerator;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;

/**
 * Turns the file given to {@code orrery build}/{@code run} into a configuration plus each partition's
 * generated constants class (which its application compiles against), or reports why not.
 */
final class SystemInput {

    /** Extension of the canonical configuration file {@code orrery generate} writes. */
    static final String CONFIG_EXTENSION = SystemGenerator.CONFIG_FILE.substring(SystemGenerator.CONFIG_FILE.lastIndexOf('.'));

    record Loaded(SystemConfig config, Map<String, SortedMap<String, String>> generatedSources) {}

    private SystemInput() {
    }

    static boolean isSystemDescription(Path file) {
        String n = String.valueOf(file.getFileName());
        return n.endsWith(".orrery") || n.endsWith(CONFIG_EXTENSION);
    }

    /** @return the configuration, or null after printing the problems to {@code err} */
    static Loaded load(Path file, PrintWriter err) {
        String name = String.valueOf(file.getFileName());
        if (name.endsWith(CONFIG_EXTENSION)) {
            try {
                return withConstants(ConfigReader.read(Files.readAllBytes(file)));
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
            } catch (ConfigException e) {
                err.println(file + ": " + e.getMessage());
            }
            return null;
        }
        if (name.endsWith(".orrery")) {
            Compilation c = SystemCompiler.create().compile(file);
            c.diagnostics().forEach(d -> err.println(d.format()));
            if (c.hasErrors()) {
                err.println("orrery: " + c.errors().size() + " error" + (c.errors().size() == 1 ? "" : "s")
                        + " in the system description; no image built");
                return null;
            }
            if (c.config().isEmpty()) {
                err.println(file + ": declares no system (the file needs a 'system' header)");
                return null;
            }
            return withConstants(c.config().get());
        }
        err.println(file + ": unsupported system description (expected .orrery, or a " + CONFIG_EXTENSION
                + " canonical configuration)");
        return null;
    }

    /** Each partition compiles with its own constants class only (the generator names it after the partition). */
    private static Loaded withConstants(SystemConfig config) {
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
        return new Loaded(config, perPartition);
    }
}

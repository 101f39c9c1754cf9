// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.orrery.dsl.Compilation;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.generator.ConstantsGenerator;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;

/**
 * Turns a system description ({@code .orrery}, or a canonical {@code .orcf}) into a configuration plus each
 * partition's generated constants class (which its application compiles against). The CLI and Studio both
 * come through here, so a system builds the same way from either.
 */
public final class SystemSources {

    /** Extension of the canonical configuration file {@code orrery generate} writes. */
    public static final String CONFIG_EXTENSION =
            SystemGenerator.CONFIG_FILE.substring(SystemGenerator.CONFIG_FILE.lastIndexOf('.'));

    /** Extension of system descriptions in the language. */
    public static final String ORRERY_EXTENSION = ".orrery";

    /**
     * A configuration ready for the image builder.
     *
     * @param generatedSources per partition: its constants class only (relative path → Java text)
     */
    public record Loaded(SystemConfig config, Map<String, SortedMap<String, String>> generatedSources) {}

    private SystemSources() {
    }

    public static boolean isSystemDescription(Path file) {
        String n = String.valueOf(file.getFileName());
        return n.endsWith(ORRERY_EXTENSION) || n.endsWith(CONFIG_EXTENSION);
    }

    /**
     * @param problems receives one line per problem ({@code file:line:col: error[CODE]: message} for the language)
     * @return the configuration, or null after reporting why there is none
     */
    public static Loaded load(Path file, Consumer<String> problems) {
        String name = String.valueOf(file.getFileName());
        if (name.endsWith(CONFIG_EXTENSION)) {
            try {
                return of(ConfigReader.read(Files.readAllBytes(file)));
            } catch (NoSuchFileException e) {
                problems.accept(file + ": no such file");
            } catch (IOException e) {
                problems.accept(file + ": cannot read: " + e.getMessage());
            } catch (ConfigException e) {
                problems.accept(file + ": " + e.getMessage());
            }
            return null;
        }
        if (name.endsWith(ORRERY_EXTENSION)) {
            Compilation c = SystemCompiler.create().compile(file);
            c.diagnostics().forEach(d -> problems.accept(d.format()));
            if (c.hasErrors()) {
                problems.accept("orrery: " + c.errors().size() + " error" + (c.errors().size() == 1 ? "" : "s")
                        + " in the system description; no image built");
                return null;
            }
            if (c.config().isEmpty()) {
                problems.accept(file + ": declares no system (the file needs a 'system' header)");
                return null;
            }
            return of(c.config().get());
        }
        problems.accept(file + ": unsupported system description (expected " + ORRERY_EXTENSION + ", or a "
                + CONFIG_EXTENSION + " canonical configuration)");
        return null;
    }

    /** Each partition compiles with its own constants class only (the generator names it after the partition). */
    public static Loaded of(SystemConfig config) {
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

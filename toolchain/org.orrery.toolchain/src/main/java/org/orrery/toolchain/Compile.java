// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigReader;

/**
 * The compile step: a system description ({@code .orrery}, or a canonical {@code .orcf}) becomes a
 * configuration, or diagnostics that say why not. Every front end compiles through here, so a file means the
 * same thing to {@code orrery}, Studio and the tests.
 */
public final class Compile {

    /** Extension of system descriptions in the language. */
    public static final String ORRERY_EXTENSION = ".orrery";
    /** Extension of the canonical configuration file {@code orrery generate} writes. */
    public static final String CONFIG_EXTENSION =
            SystemGenerator.CONFIG_FILE.substring(SystemGenerator.CONFIG_FILE.lastIndexOf('.'));

    private final SystemCompiler compiler;

    private Compile(SystemCompiler compiler) {
        this.compiler = compiler;
    }

    /** With the process's shared language set-up. */
    public static Compile create() {
        return new Compile(SystemCompiler.create());
    }

    /** With a compiler over a set-up the caller shares with its other language services (Studio). */
    public static Compile with(SystemCompiler compiler) {
        return new Compile(compiler);
    }

    public static boolean isSystemDescription(Path file) {
        String n = String.valueOf(file.getFileName());
        return n.endsWith(ORRERY_EXTENSION) || n.endsWith(CONFIG_EXTENSION);
    }

    /**
     * For steps that need a system (generate, build, run, export): a file that declares none is an error
     * here ({@code no-system}), decided once by {@link Compilation#requiringSystem}.
     */
    public Compiled system(Path file) {
        String name = String.valueOf(file.getFileName());
        if (name.endsWith(CONFIG_EXTENSION)) {
            return canonical(file);
        }
        if (!name.endsWith(ORRERY_EXTENSION)) {
            return refused(file, OrreryIssueCodes.FILE_UNREADABLE, "Cannot read " + file
                    + ": not a system description (expected " + ORRERY_EXTENSION + ", or a " + CONFIG_EXTENSION
                    + " canonical configuration).");
        }
        return of(file, compiler.compile(file).requiringSystem(file));
    }

    /**
     * Checks a file as its own system with what it imports; a file without a {@code system} header is a part
     * that others import, and no error by itself.
     */
    public Compiled check(Path file) {
        String name = String.valueOf(file.getFileName());
        if (!name.endsWith(ORRERY_EXTENSION) && Files.isRegularFile(file)) {
            // The language's rules apply to source text; EMF would otherwise refuse the file in its own words
            // ("a registered resource factory is needed").
            return refused(file, OrreryIssueCodes.FILE_UNREADABLE, "Cannot check " + file + ": not an Orrery "
                    + "source file (expected " + ORRERY_EXTENSION + (name.endsWith(CONFIG_EXTENSION)
                            ? "; a " + CONFIG_EXTENSION + " is generated from one, and generate, build and run read it"
                            : "") + ").");
        }
        return of(file, compiler.compile(file));
    }

    private static Compiled of(Path file, Compilation c) {
        return new Compiled(file, c.diagnostics(), c.config().orElse(null));
    }

    private static Compiled canonical(Path file) {
        try {
            return new Compiled(file, List.of(), ConfigReader.read(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return refused(file, OrreryIssueCodes.FILE_UNREADABLE, "Cannot read " + file + ": no such file.");
        } catch (IOException e) {
            return refused(file, OrreryIssueCodes.FILE_UNREADABLE, "Cannot read " + file + ": " + e.getMessage());
        } catch (ConfigException e) {
            return refused(file, OrreryIssueCodes.CONFIG_INVALID, e.getMessage());
        }
    }

    private static Compiled refused(Path file, String code, String message) {
        return new Compiled(file, List.of(new Diagnostic(file, 1, 1, Diagnostic.Severity.ERROR, code, message)), null);
    }
}

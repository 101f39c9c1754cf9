// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.os.config.SystemConfig;

/**
 * The result of compiling one system: every diagnostic (sorted by file, line, column), and the canonical
 * configuration when there was no error.
 */
public final class Compilation {

    private final List<Diagnostic> diagnostics;
    private final SystemConfig config;
    private final SystemView system;

    Compilation(List<Diagnostic> diagnostics, SystemConfig config, SystemView system) {
        this.diagnostics = List.copyOf(diagnostics);
        this.config = config;
        this.system = system;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** The canonical configuration; empty when there are errors or no file declares a {@code system}. */
    public Optional<SystemConfig> config() {
        return Optional.ofNullable(config);
    }

    /**
     * This compilation as a step that needs a system sees it: a file without errors that declares no
     * {@code system} is then an error of its own ({@code no-system}). Only such steps decide this; a file
     * without a header is otherwise a part that other files import.
     */
    public Compilation requiringSystem(Path file) {
        if (hasErrors() || config != null) {
            return this;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.add(new Diagnostic(file, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.NO_SYSTEM,
                "The file declares no 'system': it can only be imported by a file that does."));
        return new Compilation(all, null, system);
    }

    /** The parsed system for generators that need more than the configuration (reports, constants). */
    public Optional<SystemView> system() {
        return Optional.ofNullable(system);
    }
}

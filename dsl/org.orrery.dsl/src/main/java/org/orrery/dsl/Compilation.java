// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.util.List;
import java.util.Optional;

import org.orrery.dsl.model.SystemView;
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

    /** The parsed system for generators that need more than the configuration (reports, constants). */
    public Optional<SystemView> system() {
        return Optional.ofNullable(system);
    }
}

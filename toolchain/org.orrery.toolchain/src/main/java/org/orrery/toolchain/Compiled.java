// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.orrery.dsl.Diagnostic;
import org.orrery.os.config.SystemConfig;

/**
 * What the compile step made of one system description: every diagnostic, and the configuration when there
 * was no error.
 *
 * @param file the description as the user named it (application sources resolve next to it)
 */
public record Compiled(Path file, List<Diagnostic> diagnostics, SystemConfig configOrNull) {

    public Compiled {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public Optional<SystemConfig> config() {
        return Optional.ofNullable(configOrNull);
    }

    /** "1 error, 2 warnings". */
    public String summary() {
        long errors = errors().size();
        // Notes (info, such as "the other rules are checked once every file parses") are not warnings.
        long warnings = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count();
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}

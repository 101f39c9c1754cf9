// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.dsl.Diagnostic;
import org.orrery.os.image.ImageBuildException;

/**
 * A failed build's problems in the form of every other diagnostic ({@code file:line:col: error[RULE]: message}),
 * so a front end prints them as it prints the compile step's: a compile error in an application at its source line
 * ({@value #APP_COMPILE}), anything else at the system description ({@value #IMAGE_BUILD}).
 */
public final class BuildDiagnostics {

    /** A partition application does not compile. */
    public static final String APP_COMPILE = "app-compile";
    /** The image cannot be made for another reason (sources missing, entry class not defined, OS module absent). */
    public static final String IMAGE_BUILD = "image-build";

    /** How the image builder writes a problem it can place in a source file. */
    private static final Pattern LOCATED = Pattern.compile("^(.+?):(\\d+):(\\d+): error: (.*)$", Pattern.DOTALL);

    private BuildDiagnostics() {
    }

    /** How the partition code verifier writes a finding: {@code file:class:method: error[RULE]: message}. */
    private static final Pattern VERIFIER = Pattern.compile("^([^:]+:[\\w.$]+:[^:\\s]+): error\\[([a-z-]+)\\]: (.*)$",
            Pattern.DOTALL);

    /**
     * The lines a front end prints for a failed build: the verifier's findings as they are (they name a class
     * and method, not a line), everything else as a diagnostic.
     */
    public static List<String> lines(ImageBuildException e, Path system) {
        return e.problems().stream().map(p -> VERIFIER.matcher(p).matches() ? p : of(p, system).format()).toList();
    }

    public static List<Diagnostic> of(ImageBuildException e, Path system) {
        return e.problems().stream().map(p -> of(p, system)).toList();
    }

    /**
     * One problem as a diagnostic: a compile error at its source line, a verifier finding at the system description
     * with the verifier's rule (its message starts with the jar, class and method it names), anything else at the
     * system description.
     */
    public static Diagnostic of(String problem, Path system) {
        Matcher m = LOCATED.matcher(problem);
        if (m.matches()) {
            return new Diagnostic(Path.of(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Diagnostic.Severity.ERROR, APP_COMPILE, m.group(4));
        }
        Matcher v = VERIFIER.matcher(problem);
        if (v.matches()) {
            return new Diagnostic(system, 1, 1, Diagnostic.Severity.ERROR, v.group(2), v.group(1) + ": " + v.group(3));
        }
        return new Diagnostic(system, 1, 1, Diagnostic.Severity.ERROR, IMAGE_BUILD, problem);
    }
}

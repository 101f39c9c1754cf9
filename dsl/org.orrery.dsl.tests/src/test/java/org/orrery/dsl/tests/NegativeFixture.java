// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.orrery.dsl.Compilation;
import org.orrery.dsl.SystemCompiler;

/**
 * One wrong input and the one diagnostic it must produce. The input is {@code fixtures/NAME.orrery}, or, when
 * {@code generated} is set, text written by the test (inputs too large to commit) compiled as if it were that file.
 * {@code NAME} is the rule's code, or the code followed by {@code -} and the check within the rule.
 */
record NegativeFixture(String name, String code, int line, int column, String message, Supplier<String> generated) {

    Path path() {
        return Fixtures.fixture(name + ".orrery");
    }

    /** Compiled as a step that needs a system sees it, so that a file without a header is reported too. */
    Compilation compile(SystemCompiler compiler) {
        Compilation c = generated == null ? compiler.compile(path()) : compiler.compileSource(path(), generated.get());
        return c.requiringSystem(path());
    }

    @Override
    public String toString() {
        return name;
    }
}

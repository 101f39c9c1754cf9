// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class OrreryCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void helpListsUsageAndExitsZero() {
        assertEquals(OrreryCli.EXIT_OK, run("--help"));
        assertTrue(out.toString().contains("Usage: orrery"), out.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(OrreryCli.EXIT_USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }

    @Test
    void versionIsPrinted() {
        assertEquals(OrreryCli.EXIT_OK, run("--version"));
        assertTrue(out.toString().startsWith("orrery "), out.toString());
    }
}

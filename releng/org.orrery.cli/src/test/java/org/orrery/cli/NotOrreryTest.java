// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that is not an Orrery system never passes, whichever command reads it: exit 1 and, first, a diagnostic
 * in the one form every command prints ({@code file:line:col: error[RULE]: message}).
 */
class NotOrreryTest {

    private static final List<String> INPUTS = List.of("", "hello world this is not orrery\n", "{{{{\n", "123 456\n");

    @TempDir
    Path tmp;

    static Stream<Arguments> commandsAndInputs() {
        return Stream.of("check", "generate", "export-arinc", "build", "run")
                .flatMap(command -> INPUTS.stream().map(input -> Arguments.of(command, input)));
    }

    @ParameterizedTest(name = "{0} of \"{1}\"")
    @MethodSource("commandsAndInputs")
    void isAnInputErrorInTheDiagnosticForm(String command, String input) throws Exception {
        Path file = tmp.resolve("input.orrery");
        Files.writeString(file, input);
        List<String> args = switch (command) {
            case "generate" -> List.of(command, file.toString(), "-o", tmp.resolve("out").toString());
            case "export-arinc" -> List.of(command, file.toString(), "-o", tmp.resolve("out.xml").toString());
            case "build" -> List.of(command, file.toString(), "--unsigned", "-o", tmp.resolve("out.oimg").toString());
            case "run" -> List.of(command, file.toString(), "--duration", "10ms");
            default -> List.of(command, file.toString());
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, exit, err.toString());
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(Pattern.matches(Pattern.quote(file.toString()) + ":1:1: error\\[(syntax|no-system)\\]: .+", first), first);
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out.oimg")), "no image from garbage");
    }
}

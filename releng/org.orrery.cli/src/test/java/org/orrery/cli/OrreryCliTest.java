// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Help;

class OrreryCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
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

    /** Every command, however deep: {@code A B --help}, {@code help A B} from its ancestors, {@code A help B} from its parent. */
    @Test
    void everyCommandWithSubcommandsAnswersHelpForEachOfThemAtAnyDepth() {
        CommandLine root = OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        List<List<String>> paths = new ArrayList<>();
        collect(root, List.of(), paths);
        assertTrue(paths.contains(List.of("trace", "dump")) && paths.contains(List.of("trace", "check")), paths.toString());
        for (List<String> path : paths) {
            String expected = command(root, path).getUsageMessage(Help.Ansi.OFF);
            List<String> withOption = new ArrayList<>(path);
            withOption.add("--help");
            assertEquals(OrreryCli.EXIT_OK, run(withOption.toArray(String[]::new)), withOption + "\n" + err);
            assertEquals(expected, out.toString(), "orrery " + String.join(" ", withOption));
            for (int split = 0; split < path.size(); split++) {
                // e.g. ["help", "trace", "dump"] and ["trace", "help", "dump"]
                List<String> args = new ArrayList<>(path.subList(0, split));
                args.add("help");
                args.addAll(path.subList(split, path.size()));
                assertEquals(OrreryCli.EXIT_OK, run(args.toArray(String[]::new)), args + "\n" + err);
                assertEquals(expected, out.toString(), "orrery " + String.join(" ", args));
            }
        }
    }

    /** {@code orrery check help}: the word help after any command without subcommands shows its help. */
    @Test
    void everyCommandFollowedByHelpShowsItsHelp() {
        CommandLine root = OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        List<List<String>> leaves = new ArrayList<>();
        collectLeaves(root, List.of(), leaves);
        assertTrue(leaves.contains(List.of("check")) && leaves.contains(List.of("boards", "add")), leaves.toString());
        for (List<String> path : leaves) {
            List<String> args = new ArrayList<>(path);
            args.add("help");
            assertEquals(OrreryCli.EXIT_OK, run(args.toArray(String[]::new)), args + "\n" + err);
            assertEquals(command(root, path).getUsageMessage(Help.Ansi.OFF), out.toString(),
                    "orrery " + String.join(" ", args));
        }
    }

    private static void collectLeaves(CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            if (sub.getSubcommands().isEmpty()) {
                if (!name.equals("help")) {
                    into.add(p);
                }
            } else {
                collectLeaves(sub, p, into);
            }
        });
    }

    @Test
    void helpForACommandThatDoesNotExistNamesTheOnesThatDo() {
        assertEquals(OrreryCli.EXIT_USAGE, run("help", "trace", "dumb"));
        assertTrue(err.toString().startsWith("orrery trace: no command 'dumb'; commands: "), err.toString());
        assertTrue(err.toString().contains("dump"), err.toString());
    }

    @Test
    void helpLanguagePointsToTheReferenceAndListsTheConstructs() {
        assertEquals(OrreryCli.EXIT_OK, run("help", "language"), err.toString());
        assertTrue(out.toString().contains(LanguageHelp.REFERENCE), out.toString());
        for (String key : LanguageHelp.CONSTRUCTS) {
            String keyword = key.substring(key.indexOf('.') + 1);
            assertTrue(out.toString().contains("\n  " + keyword + " "), keyword + " in\n" + out);
        }
        assertEquals(OrreryCli.EXIT_OK, run("--help"));
        assertTrue(out.toString().contains("orrery help language"), out.toString());
    }

    /** The same words as the editor's hover: every meaning of the keyword, without the Markdown code marks. */
    @Test
    void helpLanguageExplainsAKeywordAsTheHoverDoes() {
        assertEquals(OrreryCli.EXIT_OK, run("help", "language", "memory"), err.toString());
        String partition = org.orrery.dsl.documentation.KeywordDocumentation.all().get("Partition.memory");
        assertTrue(out.toString().contains("memory (partition): " + partition.replace("`", "")), out.toString());
        assertTrue(out.toString().contains("memory (board): "), out.toString());
        assertEquals(OrreryCli.EXIT_USAGE, run("help", "language", "memroy"));
        assertTrue(err.toString().contains("no keyword 'memroy'"), err.toString());
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            into.add(p);
            collect(sub, p, into);
        });
    }

    private static CommandLine command(CommandLine root, List<String> path) {
        CommandLine c = root;
        for (String name : path) {
            c = c.getSubcommands().get(name);
        }
        return c;
    }
}

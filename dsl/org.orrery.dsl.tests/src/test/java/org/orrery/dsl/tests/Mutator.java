// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.util.List;
import java.util.Random;

/**
 * Derives malformed or odd variants of a valid system: token insertions from the language's own
 * vocabulary, deletions, line swaps and duplications, number changes and truncation. Deterministic for a seed.
 */
final class Mutator {

    private static final String[] VOCABULARY = {
        "{", "}", ",", ".", "->", "=", "\"", "0x", "0", "1", "7", "99999999999", "2147483647", "ms", "us", "ns", "s",
        "B", "KiB", "MiB", "GiB", "partition", "process", "port", "channel", "plan", "window", "core", "major-frame",
        "at", "duration", "from", "to", "sampling", "queuing", "in", "out", "board", "sim", "bsp", "region", "device",
        "vm", "service", "health-monitor", "state", "PROCESS_EXECUTION", "SWITCH_PLAN", "module", "import", "\"x.orrery\"",
        "system", "initial", "switch", "by", "cores", "memory", "tick", "period", "deadline", "wcet", "priority", "fcs",
        "a", "b", "nav", "main", "normal", "^state", "/*", "*/", "//", "\n", "vcpus", "refresh", "depth", "size",
        "policy", "edf", "round-robin", "time-slice", "system-partition", "A", "E", "rw", "rx", "for",
    };

    private Mutator() {
    }

    static String mutate(String text, Random r) {
        if (r.nextInt(4) == 0) {
            // A changed number usually keeps the file well-formed, so rules and generators see odd values too.
            return changeNumber(text, r);
        }
        String s = text;
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits && !s.isEmpty(); i++) {
            s = switch (r.nextInt(7)) {
                case 0 -> insert(s, r);
                case 1 -> delete(s, r);
                case 2 -> swapLines(s, r);
                case 3 -> duplicateLine(s, r);
                case 4 -> changeNumber(s, r);
                case 5 -> s.substring(0, r.nextInt(s.length()));
                default -> replaceWord(s, r);
            };
        }
        return s;
    }

    private static String insert(String s, Random r) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + " " + VOCABULARY[r.nextInt(VOCABULARY.length)] + " " + s.substring(at);
    }

    private static String delete(String s, Random r) {
        int at = r.nextInt(s.length());
        int len = 1 + r.nextInt(Math.min(40, s.length() - at));
        return s.substring(0, at) + s.substring(at + len);
    }

    private static String swapLines(String s, Random r) {
        List<String> lines = new java.util.ArrayList<>(s.lines().toList());
        if (lines.size() < 2) {
            return s;
        }
        java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String duplicateLine(String s, Random r) {
        List<String> lines = new java.util.ArrayList<>(s.lines().toList());
        int i = r.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return String.join("\n", lines);
    }

    private static String changeNumber(String s, Random r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(s);
        List<int[]> spans = new java.util.ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] sp = spans.get(r.nextInt(spans.size()));
        String[] numbers = {"0", "1", "3", "255", "256", "4096", "65536", "2147483647", "9223372036854775807", "17"};
        return s.substring(0, sp[0]) + numbers[r.nextInt(numbers.length)] + s.substring(sp[1]);
    }

    private static String replaceWord(String s, Random r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*").matcher(s);
        List<int[]> spans = new java.util.ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] sp = spans.get(r.nextInt(spans.size()));
        return s.substring(0, sp[0]) + VOCABULARY[r.nextInt(VOCABULARY.length)] + s.substring(sp[1]);
    }
}

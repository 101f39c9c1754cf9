// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.orrery.dsl.documentation.KeywordDocumentation;

/**
 * {@code orrery help language [WORD...]}: the Orrery System Language at a glance, or what a keyword means, in
 * the words the editor's hover and {@code docs/language.md} use (one table, {@link KeywordDocumentation}).
 */
final class LanguageHelp {

    static final String TOPIC = "language";
    static final String REFERENCE = "docs/language.md";

    /** The declarations a file is made of, in the order the reference presents them. */
    static final List<String> CONSTRUCTS = List.of("Import.import", "SystemHeader.system", "Board.board", "Bsp.bsp",
            "MemoryRegion.region", "Device.device", "Partition.partition", "Application.application",
            "Process.process", "Port.port", "Channel.channel", "Plan.plan", "Window.window", "PlanSwitch.switch",
            "HealthMonitor.health-monitor", "HardwareWatchdog.watchdog", "Service.service", "Vm.vm");

    private LanguageHelp() {
    }

    static int print(PrintWriter out, PrintWriter err, List<String> words) {
        Map<String, String> texts = KeywordDocumentation.all();
        if (words.isEmpty()) {
            out.println("The Orrery System Language (*.orrery). Its reference, with every construct, attribute, unit,");
            out.println("default and validation rule, is " + REFERENCE + " in the Orrery sources.");
            out.println();
            out.println("A file is made of these declarations (UPPER CASE stands for what you write):");
            for (String key : CONSTRUCTS) {
                out.println("  " + KeywordDocumentation.syntax(texts.get(key)));
            }
            out.println();
            out.println("'orrery help language WORD' explains a keyword, e.g. 'orrery help language memory'.");
            return OrreryCli.EXIT_OK;
        }
        for (String word : words) {
            List<Map.Entry<String, String>> found = texts.entrySet().stream()
                    .filter(e -> keyword(e.getKey()).equals(word)).toList();
            if (found.isEmpty()) {
                err.println("orrery help language: no keyword '" + word + "'; see " + REFERENCE);
                return OrreryCli.EXIT_USAGE;
            }
            for (Map.Entry<String, String> e : found) {
                out.println(word + " (" + context(e.getKey()) + "): " + plain(e.getValue()));
            }
        }
        return OrreryCli.EXIT_OK;
    }

    private static String keyword(String key) {
        return key.substring(key.indexOf('.') + 1);
    }

    /** The grammar rule a keyword belongs to, as a reader would call it: {@code HmLevel} → {@code hm level}. */
    private static String context(String key) {
        String rule = key.substring(0, key.indexOf('.'));
        return rule.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The Markdown texts without code marks, for a terminal. */
    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }
}

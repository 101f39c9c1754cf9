// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;

/**
 * The values an enumerated attribute of the grammar accepts, as a syntax error names them. Read from the grammar
 * itself, so a new enumeration or literal is named without a change here.
 */
public final class EnumChoices {

    /** What a value of each enumeration is, in words; an enumeration not listed is named after its rule. */
    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("BuiltinBoard", "built-in board"),
            Map.entry("Access", "access right"),
            Map.entry("Criticality", "criticality level"),
            Map.entry("Policy", "scheduling policy"),
            Map.entry("Overflow", "overflow policy"),
            Map.entry("HmSystemState", "health-monitor state"),
            Map.entry("HmError", "health-monitor error"),
            Map.entry("HmLevel", "health-monitor level"),
            Map.entry("HmAction", "health-monitor action"),
            Map.entry("VmKind", "VM kind"),
            Map.entry("VmConsole", "VM console"),
            Map.entry("VmDeviceKind", "VM device"));

    private EnumChoices() {
    }

    /** The literals as written in a file, in grammar order. */
    public static List<String> literals(EnumRule rule) {
        return GrammarUtil.containedKeywords(rule.getAlternatives()).stream().map(k -> k.getValue()).toList();
    }

    /** E.g. "an overflow policy": what a value of the enumeration is. */
    public static String what(EnumRule rule) {
        String known = WHAT.get(rule.getName());
        String what = known != null ? known
                : rule.getName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }
}

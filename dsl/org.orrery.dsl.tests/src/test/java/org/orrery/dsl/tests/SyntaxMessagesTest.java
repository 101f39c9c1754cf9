// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.OrreryStandaloneSetup;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.syntax.EnumChoices;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * A mistyped value of any enumerated attribute is one error on the typo's line that names the valid values, not
 * lexer or parser noise. Each enumeration of the grammar has a place here; a new one fails until it has one.
 */
class SyntaxMessagesTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();
    private static final List<EnumRule> ENUMS = GrammarUtil.allEnumRules(new OrreryStandaloneSetup()
            .createInjectorAndDoEMFRegistration().getInstance(IGrammarAccess.class).getGrammar());

    /** Where a value of each enumeration is written; the value goes in place of {@code %s}, on line 3. */
    private static final Map<String, String> PLACES = Map.ofEntries(
            Map.entry("Access", "// a region\n\nregion r at 0x1000 size 4 KiB %s for a\n"),
            Map.entry("DeviceKind", "bsp b {\n\n    device %s d at 0x10 size 4 KiB\n}\n"),
            Map.entry("Criticality", "partition a {\n\n    criticality %s\n}\n"),
            Map.entry("Policy", "partition a {\n\n    policy %s\n}\n"),
            Map.entry("ProcessKind", "partition a {\n\n    process p %s\n}\n"),
            Map.entry("PortKind", "partition a {\n\n    port p %s in\n}\n"),
            Map.entry("PortDirection", "partition a {\n\n    port p sampling %s\n}\n"),
            Map.entry("Overflow", "channel c queuing from a.p to b.q\n\n    overflow %s\n"),
            Map.entry("HmSystemState", "health-monitor {\n\n    state %s { }\n}\n"),
            Map.entry("HmError", "health-monitor {\n    state KERNEL {\n        %s at module -> LOG\n    }\n}\n"),
            Map.entry("HmLevel", "health-monitor {\n    state KERNEL {\n        POWER_FAIL at %s -> LOG\n    }\n}\n"),
            Map.entry("HmAction", "health-monitor {\n    state KERNEL {\n        POWER_FAIL at module -> %s\n    }\n}\n"),
            Map.entry("ServiceKind", "service\n\n%s s on a\n"),
            Map.entry("VmKind", "vm v\n\n%s { }\n"),
            Map.entry("VmConsole", "vm v qemu {\n\n    console %s\n}\n"),
            Map.entry("VmDeviceKind", "vm v qemu {\n\n    device %s\n}\n"),
            Map.entry("TimeUnit", "watchdog hardware timeout\n\n5 sec\n"),
            Map.entry("SizeUnit", "partition a {\n\n    memory 16 MB\n}\n"));

    /** The typo written for each enumeration, where the {@code PLACES} text has none of its own. */
    private static String typo(EnumRule rule) {
        String first = EnumChoices.literals(rule).get(0);
        return first.contains("-") ? first.substring(0, first.lastIndexOf('-') + 2) : first + "q";
    }

    static Stream<Arguments> enumerations() {
        return ENUMS.stream().filter(r -> PLACES.containsKey(r.getName())).map(r -> Arguments.of(r.getName(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumerations")
    void aMistypedValueNamesTheValidOnesOnItsLine(String name, EnumRule rule) {
        String place = PLACES.get(name);
        String word = place.contains("%s") ? typo(rule) : null;
        String text = word == null ? place : place.formatted(word);
        Compilation c = COMPILER.compileSource(Path.of("typo.orrery"), text);
        List<Diagnostic> errors = c.errors();
        String all = c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        assertEquals(1, errors.size(), all);
        Diagnostic d = errors.get(0);
        assertEquals(OrreryIssueCodes.SYNTAX, d.code(), all);
        assertEquals(3, d.line(), all);
        assertTrue(d.message().endsWith("is not " + EnumChoices.what(rule) + "; write one of: "
                + String.join(" | ", EnumChoices.literals(rule)) + "."), all);
    }

    /** A built-in board is written where a BSP may be named, so a typo there is an unknown reference. */
    @Test
    void aMistypedBuiltInBoardNamesTheBuiltInBoards() {
        Compilation c = COMPILER.compileSource(Path.of("typo.orrery"), "board simm\n");
        assertEquals(List.of("Unknown board 'simm': use a built-in board (sim | hosted-linux-x86_64 | "
                + "hosted-linux-aarch64) or declare 'bsp simm { ... }'."), c.errors().stream().map(Diagnostic::message).toList());
    }

    @Test
    void everyEnumerationHasAPlace() {
        Set<String> names = ENUMS.stream().map(EnumRule::getName).collect(Collectors.toCollection(TreeSet::new));
        names.remove("BuiltinBoard");
        assertEquals(names, new TreeSet<>(PLACES.keySet()));
    }
}

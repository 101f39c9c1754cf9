// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One negative fixture per rule: a partition class {@code demo.Bad} whose method {@code attack} does what the
 * rule forbids, and nothing else the verifier could object to.
 */
class RuleFixturesTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> fixtures() {
        return Stream.of(
                fixture(Rule.FILE_SYSTEM, "String attack() throws Exception { "
                        + "return java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); }"),
                fixture(Rule.NETWORK, "void attack() throws Exception { new java.net.Socket(\"localhost\", 80).close(); }"),
                fixture(Rule.PROCESS_EXIT, "void attack() { System.exit(3); }"),
                fixture(Rule.PROCESS_SPAWN, "void attack() throws Exception { new ProcessBuilder(\"ls\").start(); }"),
                fixture(Rule.THREAD, "void attack() { new Thread(this::toString).start(); }"),
                fixture(Rule.REFLECTION, "Object attack() throws Exception { "
                        + "return Class.forName(\"org.orrery.os.kernel.Kernel\"); }"),
                fixture(Rule.NATIVE, "native void attack();"),
                fixture(Rule.SYSTEM_STATE, "void attack() { System.out.println(\"hello\"); }"),
                fixture(Rule.HOST_CLOCK, "long attack() { return System.currentTimeMillis(); }"),
                fixture(Rule.CATCH_ERROR, "void attack() { try { work(); } catch (Throwable t) { } } void work() { }"),
                fixture(Rule.KERNEL_ACCESS, "boolean attack(Object o) { "
                        + "return o instanceof org.orrery.os.config.SystemConfig; }"),
                fixture(Rule.UNKNOWN_API, "Object attack() { return new java.util.Hashtable<String, String>(); }"));
    }

    private static Arguments fixture(Rule rule, String body) {
        return Arguments.of(rule, "package demo;\npublic class Bad {\n    " + body + "\n}\n");
    }

    @Test
    void everyRuleHasAFixture() {
        assertEquals(Set.of(Rule.values()), fixtures().map(a -> (Rule) a.get()[0]).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachRuleNamesTheClassAndMethod(Rule rule, String source) throws Exception {
        List<Finding> findings = Apps.verify(tmp, source);
        assertFalse(findings.isEmpty(), "nothing found in " + source);
        for (Finding f : findings) {
            assertEquals(List.of("apps/demo/demo/Bad.java", "demo.Bad", "attack", rule),
                    List.of(f.file(), f.className(), f.method(), f.rule()), f.format());
        }
    }

    @Test
    void aFindingPrintsAsFileClassMethodRuleMessage() throws Exception {
        List<Finding> findings = Apps.verify(tmp, "package demo;\npublic class Bad {\n    void stop() { System.exit(3); }\n}\n");
        assertEquals(List.of("apps/demo/demo/Bad.java:demo.Bad:stop: error[process-exit]: java.lang.System.exit "
                + "would end the whole board, not just this partition; use Partition.setMode(PartitionMode.IDLE) or "
                + "Partition.raiseError and let the health monitor act"),
                findings.stream().map(Finding::format).toList());
    }

    @Test
    void messagesSayWhatToUseInstead() throws Exception {
        List<Finding> findings = Apps.verify(tmp, """
                package demo;
                public class Bad {
                    void print() { System.err.println("x"); }
                    long roll() { return new java.util.Random().nextLong(); }
                }
                """);
        assertEquals(List.of(
                "print: java.lang.System.err is the host's console, shared by every partition; use Partition.log",
                "roll: new java.util.Random() is seeded from the host, so the simulated board would not be "
                        + "deterministic; use new java.util.Random(seed) (a seeded Random repeats exactly)"),
                findings.stream().map(f -> f.method() + ": " + f.message()).toList());
    }
}

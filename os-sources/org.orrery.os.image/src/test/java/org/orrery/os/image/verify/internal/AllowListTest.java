// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.image.verify.PartitionCodeVerifier;
import org.orrery.os.image.verify.Rule;

class AllowListTest {

    private static final AllowList SHIPPED = AllowList.parse(PartitionCodeVerifier.allowListLines());

    @Test
    void everyListedClassExistsInTheJdk() {
        List<String> missing = new ArrayList<>();
        for (AllowList.Entry e : SHIPPED.entries()) {
            if (!e.name().endsWith("/*") && JdkTypes.find(e.name()).isEmpty()) {
                missing.add(e.name() + " (line " + e.line() + ")");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRefusedMemberOfAnAllowedClassHasARuleThatSaysWhy() {
        List<String> unexplained = new ArrayList<>();
        for (AllowList.Entry e : SHIPPED.entries()) {
            if (e.kind() != AllowList.Kind.EXCEPT) {
                continue;
            }
            for (String member : e.members()) {
                int paren = member.indexOf('(');
                String name = paren < 0 ? member : member.substring(0, paren);
                String descriptor = paren < 0 ? "()V" : member.substring(paren);
                Rule rule = RuleTable.classify(e.name(), name, descriptor).map(RuleTable.Match::rule)
                        .orElse(Rule.UNKNOWN_API);
                if (rule == Rule.UNKNOWN_API) {
                    unexplained.add(e.name() + " except " + member);
                }
            }
        }
        assertEquals(List.of(), unexplained);
    }

    @Test
    void onlyAndExceptRestrictMembersThroughSubtypes() {
        assertTrue(SHIPPED.allowsMember("java/util/ArrayList", "stream", "()Ljava/util/stream/Stream;"));
        assertFalse(SHIPPED.allowsMember("java/util/ArrayList", "parallelStream", "()Ljava/util/stream/Stream;"));
        assertFalse(SHIPPED.allowsMember("java/io/IOException", "printStackTrace", "()V"));
        assertTrue(SHIPPED.allowsMember("java/io/IOException", "getMessage", "()Ljava/lang/String;"));
        assertTrue(SHIPPED.allowsMember("java/util/Random", "<init>", "(J)V"));
        assertFalse(SHIPPED.allowsMember("java/util/Random", "<init>", "()V"));
        assertTrue(SHIPPED.allowsMember("java/lang/Class", "hashCode", "()I"), "inherited from Object");
        assertFalse(SHIPPED.allowsMember("java/lang/Class", "forName", "(Ljava/lang/String;)Ljava/lang/Class;"));
        assertTrue(SHIPPED.allowsClass("java/util/function/IntUnaryOperator"));
        assertFalse(SHIPPED.allowsClass("java/util/function/sub/Thing"), "a package entry does not cover subpackages");
    }

    @Test
    void malformedLinesAreNamed() {
        assertEquals("line 2: expected 'only' or 'except' after java.lang.String, found but",
                assertThrows(IllegalArgumentException.class,
                        () -> AllowList.parse(List.of("# header", "java.lang.String but length"))).getMessage());
        assertEquals("line 2: java.lang.String is already listed on line 1",
                assertThrows(IllegalArgumentException.class,
                        () -> AllowList.parse(List.of("java.lang.String", "java.lang.String"))).getMessage());
        assertEquals("line 1: 'only' names no member", assertThrows(IllegalArgumentException.class,
                () -> AllowList.parse(List.of("java.lang.Class only"))).getMessage());
    }
}

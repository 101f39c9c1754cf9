// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.orrery.os.image.verify.Rule;

/**
 * Decides one use: the partition's own classes and the OS API are always fine; a JDK class or member is fine
 * when the allow-list says so; anything else is refused with the rule the rule table names.
 */
public final class Judge {

    /** Why a use is refused. */
    public record Verdict(Rule rule, String message) {
    }

    public static final String API_PACKAGE = "org/orrery/os/api";

    private final AllowList allowList;
    private final Map<String, ClassFile> own;

    /** @param own the partition's classes by internal name */
    public Judge(AllowList allowList, Map<String, ClassFile> own) {
        this.allowList = allowList;
        this.own = own;
    }

    public Optional<Verdict> judge(Use use) {
        if (!own.containsKey(use.owner())) {
            return foreign(use);
        }
        return use.member() == null ? Optional.empty() : inherited(use);
    }

    /** Whether a catch type is Throwable, Error or a subclass of Error, following own classes into the JDK. */
    public boolean isErrorType(String type) {
        String t = type;
        for (int guard = 0; own.containsKey(t) && guard < 1000; guard++) {
            t = own.get(t).superName();
        }
        if (t == null) {
            return false;
        }
        return t.equals("java/lang/Throwable") || JdkTypes.selfAndSupertypes(t).contains("java/lang/Error");
    }

    /**
     * A member named through one of the partition's classes is fine if one of its classes declares it;
     * otherwise it is what the JDK (or API) class it is inherited from makes it.
     */
    private Optional<Verdict> inherited(Use use) {
        List<String> outside = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> work = new ArrayDeque<>(List.of(use.owner()));
        while (!work.isEmpty()) {
            String name = work.poll();
            if (!seen.add(name)) {
                continue;
            }
            ClassFile c = own.get(name);
            if (c == null) {
                outside.add(name);
                continue;
            }
            if (declares(c, use.member(), use.descriptor())) {
                return Optional.empty();
            }
            if (c.superName() != null) {
                work.add(c.superName());
            }
            work.addAll(c.interfaces());
        }
        for (String o : outside) {
            if (JdkTypes.selfAndSupertypes(o).stream().anyMatch(t -> JdkTypes.declares(t, use.member()))) {
                return foreign(new Use(o, use.member(), use.descriptor()));
            }
        }
        return outside.isEmpty() ? Optional.empty()
                : foreign(new Use(outside.get(0), use.member(), use.descriptor()));
    }

    private static boolean declares(ClassFile c, String member, String descriptor) {
        boolean field = !descriptor.startsWith("(");
        for (ClassFile.Member m : field ? c.fields() : c.methods()) {
            if (m.name().equals(member) && (field || m.descriptor().equals(descriptor))) {
                return true;
            }
        }
        return false;
    }

    private Optional<Verdict> foreign(Use use) {
        if (Names.packageOf(use.owner()).equals(API_PACKAGE)) {
            return Optional.empty();
        }
        boolean allowed = use.member() == null ? allowList.allowsClass(use.owner())
                : allowList.allowsMember(use.owner(), use.member(), use.descriptor());
        if (allowed) {
            return Optional.empty();
        }
        Rule rule = Rule.UNKNOWN_API;
        String advice = rule.advice();
        Optional<RuleTable.Match> match = RuleTable.classify(use.owner(), use.member(), use.descriptor());
        if (match.isPresent()) {
            rule = match.get().rule();
            advice = match.get().advice() != null ? match.get().advice() : rule.advice();
        }
        return Optional.of(new Verdict(rule, use.subject() + " " + advice));
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.orrery.os.image.verify.internal.AllowList;
import org.orrery.os.image.verify.internal.ClassFile;
import org.orrery.os.image.verify.internal.ClassFileReader;
import org.orrery.os.image.verify.internal.ClassFormatException;
import org.orrery.os.image.verify.internal.ClassUses;
import org.orrery.os.image.verify.internal.Hazards;
import org.orrery.os.image.verify.internal.Judge;
import org.orrery.os.image.verify.internal.Names;
import org.orrery.os.image.verify.internal.Use;

/**
 * Checks a partition application's class files before they go into an image: every class, field and method
 * they use must be the partition's own, in {@code org.orrery.os.api}, or on the JDK allow-list
 * ({@code partition-api-allowlist.txt}); and no method may be native, hold a monitor, or catch Throwable or
 * an Error without throwing it on. Each refusal is a {@link Finding} naming the method that does it.
 */
public final class PartitionCodeVerifier {

    /** The allow-list resource, beside this class. */
    public static final String ALLOW_LIST = "partition-api-allowlist.txt";

    private static final class Standard {
        static final PartitionCodeVerifier INSTANCE = new PartitionCodeVerifier(readAllowList());
    }

    private final AllowList allowList;

    private PartitionCodeVerifier(AllowList allowList) {
        this.allowList = allowList;
    }

    /** The verifier with the allow-list shipped in this library. */
    public static PartitionCodeVerifier standard() {
        return Standard.INSTANCE;
    }

    /** The text of the allow-list shipped in this library (documentation and tests print it). */
    public static List<String> allowListLines() {
        try (InputStream in = PartitionCodeVerifier.class.getResourceAsStream(ALLOW_LIST)) {
            if (in == null) {
                throw new IllegalStateException(ALLOW_LIST + " is missing from the image library");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AllowList readAllowList() {
        try {
            return AllowList.parse(allowListLines());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ALLOW_LIST + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param entries one partition's jar contents (path → bytes); entries other than {@code .class} files
     *                are resources and are not checked
     * @return the findings, sorted; empty when the code may go into an image
     */
    public List<Finding> verify(Map<String, byte[]> entries, CodeOrigin origin) {
        Set<Finding> findings = new TreeSet<>();
        Map<String, ClassFile> own = new LinkedHashMap<>();
        Map<String, String> entryOf = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().endsWith(".class") || e.getKey().endsWith("module-info.class")) {
                continue;
            }
            try {
                ClassFile c = ClassFileReader.read(e.getValue());
                own.put(c.name(), c);
                entryOf.put(c.name(), e.getKey());
            } catch (ClassFormatException x) {
                findings.add(new Finding(origin.fileOf(e.getKey(), null), e.getKey(), Finding.CLASS_LEVEL,
                        Rule.UNKNOWN_API, "cannot be read as a class file (" + x.getMessage() + "); partition code "
                                + "must be class files the verifier can check"));
            }
        }
        Judge judge = new Judge(allowList, own);
        for (ClassFile c : own.values()) {
            String file = origin.fileOf(entryOf.get(c.name()), c.sourceFile());
            String className = Names.binary(c.name());
            try {
                for (Map.Entry<String, Set<Use>> m : ClassUses.of(c).entrySet()) {
                    for (Use use : m.getValue()) {
                        judge.judge(use).ifPresent(v -> findings.add(new Finding(file, className, m.getKey(),
                                v.rule(), v.message())));
                    }
                }
                for (Hazards.Hazard h : Hazards.of(c, judge::isErrorType)) {
                    findings.add(new Finding(file, className, h.method(), h.rule(), h.subject() + " " + h.advice()));
                }
            } catch (ClassFormatException x) {
                findings.add(new Finding(file, className, Finding.CLASS_LEVEL, Rule.UNKNOWN_API,
                        "cannot be checked (" + x.getMessage() + "); partition code must be class files the "
                                + "verifier can check"));
            }
        }
        return new ArrayList<>(findings);
    }
}

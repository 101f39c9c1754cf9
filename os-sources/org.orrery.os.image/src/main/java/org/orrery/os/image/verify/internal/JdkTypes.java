// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK classes partition code names, read from the running JDK's own class files (not loaded: nothing of
 * theirs runs). Cached for the life of the tool, since the JDK does not change under it.
 */
public final class JdkTypes {

    /** Supertypes and declared member names of one JDK class. */
    public record Type(String name, String superName, List<String> interfaces, Set<String> members) {
    }

    private static final Map<String, Optional<Type>> CACHE = new ConcurrentHashMap<>();

    private JdkTypes() {
    }

    /** The JDK class of that internal name, or empty when the running JDK has none. */
    public static Optional<Type> find(String internalName) {
        return CACHE.computeIfAbsent(internalName, JdkTypes::load);
    }

    /** The class itself, then every superclass and superinterface, nearest first. */
    public static Set<String> selfAndSupertypes(String internalName) {
        Set<String> out = new LinkedHashSet<>();
        List<String> work = new ArrayList<>(List.of(internalName));
        while (!work.isEmpty()) {
            String n = work.remove(0);
            if (n != null && out.add(n)) {
                find(n).ifPresent(t -> {
                    work.add(t.superName());
                    work.addAll(t.interfaces());
                });
            }
        }
        return out;
    }

    public static boolean declares(String internalName, String member) {
        return find(internalName).map(t -> t.members().contains(member)).orElse(false);
    }

    private static Optional<Type> load(String internalName) {
        // Class files are never encapsulated as resources, so this finds classes of every JDK module.
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return Optional.empty();
            }
            ClassFile c = ClassFileReader.readDeclarations(in.readAllBytes());
            Set<String> members = new HashSet<>();
            c.fields().forEach(f -> members.add(f.name()));
            c.methods().forEach(m -> members.add(m.name()));
            return Optional.of(new Type(c.name(), c.superName(), c.interfaces(), Set.copyOf(members)));
        } catch (IOException | ClassFormatException e) {
            return Optional.empty();
        }
    }
}

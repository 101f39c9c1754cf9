// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JDK classes partition code may use, as written in {@code partition-api-allowlist.txt} (its header
 * describes the syntax). Member restrictions a class declares hold for its subclasses too, so that
 * {@code Collection except parallelStream} also refuses {@code ArrayList.parallelStream}.
 */
public final class AllowList {

    /** How an entry treats the members of its class. */
    public enum Kind {
        ALL, ONLY, EXCEPT
    }

    /**
     * One line of the file.
     *
     * @param name    internal name of a class, or of a package followed by {@code /*}
     * @param members member names, or {@code name(descriptor)} for one overload
     */
    public record Entry(String name, Kind kind, Set<String> members, int line) {

        boolean permits(String member, String descriptor) {
            boolean listed = members.contains(member) || members.contains(member + descriptor);
            return switch (kind) {
                case ALL -> true;
                case ONLY -> listed;
                case EXCEPT -> !listed;
            };
        }
    }

    private static final Pattern NAME = Pattern.compile("[\\w$]+(\\.[\\w$]+)*(\\.\\*)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<Entry> entries;
    private final Map<String, Entry> byName = new HashMap<>();

    private AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byName.put(e.name(), e);
        }
    }

    /** @throws IllegalArgumentException naming the line of the first malformed or repeated entry */
    public static AllowList parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int hash = lines.get(i).indexOf('#');
            String text = (hash < 0 ? lines.get(i) : lines.get(i).substring(0, hash)).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] words = SPACES.split(text);
            int line = i + 1;
            String name = words[0];
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("line " + line + ": not a class or package.*: " + name);
            }
            Kind kind = Kind.ALL;
            if (words.length > 1) {
                kind = switch (words[1]) {
                    case "only" -> Kind.ONLY;
                    case "except" -> Kind.EXCEPT;
                    default -> throw new IllegalArgumentException("line " + line + ": expected 'only' or 'except' "
                            + "after " + name + ", found " + words[1]);
                };
                if (words.length == 2) {
                    throw new IllegalArgumentException("line " + line + ": '" + words[1] + "' names no member");
                }
            }
            String internal = name.replace('.', '/');
            Integer before = seen.put(internal, line);
            if (before != null) {
                throw new IllegalArgumentException("line " + line + ": " + name + " is already listed on line "
                        + before);
            }
            Set<String> members = Set.of(java.util.Arrays.copyOfRange(words, Math.min(2, words.length), words.length));
            entries.add(new Entry(internal, kind, members, line));
        }
        return new AllowList(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry for a class: its own line, else its package's {@code .*} line, else {@code null}. */
    public Entry entry(String internalName) {
        Entry own = byName.get(internalName);
        if (own != null) {
            return own;
        }
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? null : byName.get(internalName.substring(0, slash) + "/*");
    }

    public boolean allowsClass(String internalName) {
        return entry(internalName) != null;
    }

    /**
     * Whether code may use member {@code name} through {@code owner}: the owner must be listed, and no listed
     * supertype that declares the member may restrict it. Constructors belong to their class alone.
     */
    public boolean allowsMember(String owner, String name, String descriptor) {
        if (!allowsClass(owner)) {
            return false;
        }
        Iterable<String> types = name.startsWith("<") ? List.of(owner) : JdkTypes.selfAndSupertypes(owner);
        for (String type : types) {
            Entry e = entry(type);
            if (e != null && e.kind() != Kind.ALL && JdkTypes.declares(type, name) && !e.permits(name, descriptor)) {
                return false;
            }
        }
        return true;
    }
}

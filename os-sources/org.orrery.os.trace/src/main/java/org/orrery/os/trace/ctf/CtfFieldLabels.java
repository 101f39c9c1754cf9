// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the numbers of one event field read as names, declared in the metadata as CTF enumerations so that
 * babeltrace2 and Trace Compass show them too. Either one table ({@code partition}: 0 is {@code fcs}), or, for
 * numbers counted within a partition (processes, ports), a table per value of a tag field: a CTF variant on
 * {@code partition} whose options are that partition's enumerations. The binary field stays a signed 64-bit
 * integer either way, so traces with and without names have the same streams.
 *
 * @param labels one table; empty when the field has none or is tagged
 * @param tag    the field whose label picks the table, or {@code null}
 * @param byTag  per tag label, in the tag's value order, the table for that tag (empty: plain numbers)
 */
public record CtfFieldLabels(SortedMap<Long, String> labels, String tag, Map<String, SortedMap<Long, String>> byTag) {

    /** A field of plain numbers. */
    public static final CtfFieldLabels NONE = new CtfFieldLabels(new TreeMap<>(), null, Map.of());

    public CtfFieldLabels {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Map<String, SortedMap<Long, String>> copy = new LinkedHashMap<>();
        byTag.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
        byTag = Collections.unmodifiableMap(copy);
    }

    public static CtfFieldLabels of(Map<Long, String> labels) {
        return labels.isEmpty() ? NONE : new CtfFieldLabels(new TreeMap<>(labels), null, Map.of());
    }

    public static CtfFieldLabels tagged(String tag, Map<String, ? extends Map<Long, String>> byTag) {
        Map<String, SortedMap<Long, String>> copy = new LinkedHashMap<>();
        byTag.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        return new CtfFieldLabels(new TreeMap<>(), tag, copy);
    }

    public boolean isNone() {
        return labels.isEmpty() && tag == null;
    }

    /** The TSDL declaration of field {@code name} (indented by {@code indent} tabs, no trailing newline). */
    String declaration(String name, String indent) {
        if (tag != null) {
            StringBuilder s = new StringBuilder(indent).append("variant <").append(tag).append("> {\n");
            byTag.forEach((option, table) -> s.append(indent).append('\t').append(enumOrInt(table)).append(' ')
                    .append(option).append(";\n"));
            return s.append(indent).append("} ").append(name).append(';').toString();
        }
        return indent + enumOrInt(labels) + " " + name + ";";
    }

    private static String enumOrInt(SortedMap<Long, String> table) {
        if (table.isEmpty()) {
            return "int64_t";
        }
        StringBuilder s = new StringBuilder("enum : int64_t { ");
        boolean first = true;
        for (Map.Entry<Long, String> e : table.entrySet()) {
            s.append(first ? "" : ", ").append('"').append(CtfMetadata.escape(e.getValue())).append("\" = ")
                    .append(e.getKey());
            first = false;
        }
        return s.append(" }").toString();
    }
}

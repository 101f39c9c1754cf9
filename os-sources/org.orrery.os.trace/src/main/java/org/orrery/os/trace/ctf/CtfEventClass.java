// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * An event class as declared in a trace's metadata: numeric id, name, its signed 64-bit fields and the names
 * the metadata gives their numbers (none in traces written before names existed).
 */
public record CtfEventClass(int id, String name, List<String> fieldNames, List<CtfFieldLabels> fieldLabels) {

    public CtfEventClass {
        fieldNames = List.copyOf(fieldNames);
        fieldLabels = List.copyOf(fieldLabels);
        if (fieldLabels.size() != fieldNames.size()) {
            throw new IllegalArgumentException("event " + name + ": " + fieldLabels.size() + " label tables for "
                    + fieldNames.size() + " fields");
        }
    }

    /** An event class whose fields are plain numbers. */
    public CtfEventClass(int id, String name, List<String> fieldNames) {
        this(id, name, fieldNames, none(fieldNames.size()));
    }

    /** The name the metadata gives the value of field {@code i} of {@code e}, or {@code null} if none. */
    public String label(int i, CtfEvent e) {
        CtfFieldLabels l = fieldLabels.get(i);
        if (l.tag() == null) {
            return l.labels().get(e.field(i));
        }
        int tagAt = fieldNames.indexOf(l.tag());
        if (tagAt < 0 || tagAt >= i) {
            return null;
        }
        String tagLabel = fieldLabels.get(tagAt).labels().get(e.field(tagAt));
        SortedMap<Long, String> table = tagLabel == null ? null : l.byTag().get(tagLabel);
        return table == null ? null : table.get(e.field(i));
    }

    int payloadBytes() {
        return fieldNames.size() * CtfLayout.FIELD_BYTES;
    }

    private static List<CtfFieldLabels> none(int n) {
        List<CtfFieldLabels> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(CtfFieldLabels.NONE);
        }
        return l;
    }
}

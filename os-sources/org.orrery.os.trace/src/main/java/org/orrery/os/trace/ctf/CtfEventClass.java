// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.List;

/** An event class as declared in a trace's metadata: numeric id, name and its signed 64-bit fields. */
public record CtfEventClass(int id, String name, List<String> fieldNames) {

    public CtfEventClass {
        fieldNames = List.copyOf(fieldNames);
    }

    int payloadBytes() {
        return fieldNames.size() * CtfLayout.FIELD_BYTES;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

/**
 * One event read from a trace. Fields beyond the class's field count are 0.
 *
 * @param core        cpu_id of the packet it came from
 * @param timestampNs clock value converted to nanoseconds
 * @param eventClass  the class declared in the metadata
 */
public record CtfEvent(int core, long timestampNs, CtfEventClass eventClass, long f0, long f1, long f2) {

    public int typeId() {
        return eventClass.id();
    }

    public String name() {
        return eventClass.name();
    }

    /** Field {@code i} (0..2). */
    public long field(int i) {
        return switch (i) {
            case 0 -> f0;
            case 1 -> f1;
            case 2 -> f2;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }
}

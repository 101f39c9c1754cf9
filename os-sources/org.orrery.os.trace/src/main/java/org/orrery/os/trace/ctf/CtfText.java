// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.io.PrintWriter;

/**
 * Babeltrace-like text lines for a trace: {@code [s.ns] (+delta) name: { cpu_id = N }, { field = v, ... }}, where
 * a number the metadata names is shown as its name in quotes ({@code partition = "fcs"}).
 */
public final class CtfText {

    private CtfText() {
    }

    /** Prints every event in time order and returns how many were printed. */
    public static long dump(CtfTrace trace, PrintWriter out) {
        long previous = -1;
        long n = 0;
        for (CtfEvent e : trace.eventsInTimeOrder()) {
            out.println(format(e, previous));
            previous = e.timestampNs();
            n++;
        }
        return n;
    }

    /** One line; {@code previousNs < 0} means "first event" and prints no delta. */
    public static String format(CtfEvent e, long previousNs) {
        StringBuilder s = new StringBuilder(96);
        s.append('[').append(seconds(e.timestampNs())).append("] (");
        s.append(previousNs < 0 ? "+?.?????????" : "+" + seconds(e.timestampNs() - previousNs));
        s.append(") ").append(e.name()).append(": { cpu_id = ").append(e.core()).append(" }, { ");
        var names = e.eventClass().fieldNames();
        for (int i = 0; i < names.size() && i < 3; i++) {
            if (i > 0) {
                s.append(", ");
            }
            String label = e.eventClass().label(i, e);
            s.append(names.get(i)).append(" = ");
            if (label == null) {
                s.append(e.field(i));
            } else {
                s.append('"').append(label).append('"');
            }
        }
        return s.append(" }").toString();
    }

    private static String seconds(long ns) {
        return String.format("%d.%09d", ns / 1_000_000_000L, ns % 1_000_000_000L);
    }
}

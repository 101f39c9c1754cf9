// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

import org.orrery.dsl.orrery.OrreryFactory;
import org.orrery.dsl.orrery.Time;
import org.orrery.dsl.orrery.TimeUnit;

/** Writes nanosecond values back into the language's unit-carrying time values. */
final class Times {

    private Times() {
    }

    /**
     * The value to store for {@code ns}: the existing object with a new number when its unit still expresses
     * the value exactly (the text keeps the user's unit and only the digits change), else a new object in the
     * largest exact unit. Xtext's partial serializer cannot rewrite an enum token in place, so a unit change
     * must be a new object.
     */
    static Time retime(Time existing, long ns) {
        if (existing != null && existing.getUnit() != null) {
            long factor = factor(existing.getUnit());
            if (ns % factor == 0 && ns / factor <= Integer.MAX_VALUE) {
                if (existing.getValue() != ns / factor) {
                    existing.setValue((int) (ns / factor));
                }
                return existing;
            }
        }
        return of(ns);
    }

    static Time of(long ns) {
        TimeUnit unit = TimeUnit.NS;
        for (TimeUnit u : new TimeUnit[] { TimeUnit.S, TimeUnit.MS, TimeUnit.US }) {
            if (ns % factor(u) == 0 && ns / factor(u) <= Integer.MAX_VALUE) {
                unit = u;
                break;
            }
        }
        if (ns / factor(unit) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Time " + ns + " ns is too large to write.");
        }
        Time t = OrreryFactory.eINSTANCE.createTime();
        t.setValue((int) (ns / factor(unit)));
        t.setUnit(unit);
        return t;
    }

    static long factor(TimeUnit unit) {
        return switch (unit) {
            case NS -> 1L;
            case US -> 1_000L;
            case MS -> 1_000_000L;
            case S -> 1_000_000_000L;
        };
    }
}

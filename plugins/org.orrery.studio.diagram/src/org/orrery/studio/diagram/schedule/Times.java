// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.orrery.dsl.orrery.OrreryFactory;
import org.orrery.dsl.orrery.Time;
import org.orrery.dsl.orrery.TimeUnit;
import org.orrery.studio.diagram.edit.TextEdit;

/** Writes nanosecond values back into the language's unit-carrying time values, as model or as text. */
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
            if (exact(existing.getUnit(), ns)) {
                if (existing.getValue() != ns / factor) {
                    existing.setValue((int) (ns / factor));
                }
                return existing;
            }
        }
        return of(ns);
    }

    /**
     * The text edits that make {@code existing}, a time of the parsed text, read {@code ns}: the same choice of
     * unit as {@link #retime}, written over the value's digits and, when the unit changes, over the unit token;
     * whatever lies between the two tokens (a comment, the user's spacing) stays.
     */
    static List<TextEdit> edits(Time existing, long ns) {
        Time target = existing.getUnit() != null && exact(existing.getUnit(), ns) ? null : of(ns);
        TimeUnit unit = target == null ? existing.getUnit() : target.getUnit();
        long value = target == null ? ns / factor(unit) : target.getValue();
        List<ILeafNode> tokens = new ArrayList<>(2);
        for (ILeafNode leaf : NodeModelUtils.getNode(existing).getLeafNodes()) {
            if (!leaf.isHidden()) {
                tokens.add(leaf);
            }
        }
        if (tokens.size() != 2) {
            throw new IllegalStateException("A time value in the text is not a number and a unit.");
        }
        List<TextEdit> edits = new ArrayList<>(2);
        if (value != existing.getValue()) {
            edits.add(replace(tokens.get(0), Long.toString(value)));
        }
        if (unit != existing.getUnit()) {
            edits.add(replace(tokens.get(1), unit.getLiteral()));
        }
        return edits;
    }

    private static TextEdit replace(ILeafNode token, String text) {
        return new TextEdit(token.getOffset(), token.getLength(), text);
    }

    private static boolean exact(TimeUnit unit, long ns) {
        return ns % factor(unit) == 0 && ns / factor(unit) <= Integer.MAX_VALUE;
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

    /** {@code ns} as the text of a time value, in the unit {@link #of} chooses ("20 ms"). */
    static String text(long ns) {
        Time t = of(ns);
        return t.getValue() + " " + t.getUnit().getLiteral();
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

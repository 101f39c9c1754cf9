// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.math.BigDecimal;

import org.orrery.dsl.xtratum.XmlTree;

/** Attribute values of an ARINC 653 module file: decimal or hex numbers, seconds, names. */
final class ArincValues {

    private ArincValues() {
    }

    static String text(XmlTree e, String attr) throws ArincException {
        String v = e.attributes.get(attr);
        if (v == null) {
            throw new ArincException(e.line, e.column, "<" + e.name + "> lacks the required attribute '" + attr + "'");
        }
        return v.trim();
    }

    /** The schema's DecOrHexValueType: {@code 42} or {@code 0x2a}. */
    static long number(XmlTree e, String attr) throws ArincException {
        String v = text(e, attr);
        try {
            boolean negative = v.startsWith("-");
            String digits = v.replaceFirst("^[+-]", "");
            long n = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseLong(digits.substring(2), 16)
                    : Long.parseLong(digits);
            return negative ? -n : n;
        } catch (NumberFormatException ex) {
            throw new ArincException(e.line, e.column, "<" + e.name + "> " + attr + "=\"" + v + "\" is not a number");
        }
    }

    static int integer(XmlTree e, String attr) throws ArincException {
        return (int) number(e, attr);
    }

    /** Seconds as written ({@code 0.025}) to exact nanoseconds; finer than a nanosecond cannot be represented. */
    static long seconds(XmlTree e, String attr) throws ArincException {
        String v = text(e, attr);
        try {
            return new BigDecimal(v).movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new ArincException(e.line, e.column, "<" + e.name + "> " + attr + "=\"" + v
                    + "\" is not a time in seconds Orrery can represent (whole nanoseconds)");
        }
    }

    /** An Orrery name for a vendor name: characters outside {@code [A-Za-z0-9_]} become {@code _}. */
    static String name(String raw) {
        String s = raw == null ? "" : raw.trim().replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty()) {
            s = "unnamed";
        }
        return Character.isLetter(s.charAt(0)) || s.charAt(0) == '_' ? s : "_" + s;
    }
}

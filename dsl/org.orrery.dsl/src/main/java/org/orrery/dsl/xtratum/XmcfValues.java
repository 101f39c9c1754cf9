// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.os.api.ErrorCode;

/** XM_CF value syntax (times like {@code 1.5ms}, sizes like {@code 4MB}, hex addresses) and HM event names. */
final class XmcfValues {

    private static final Pattern TIME = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([mu]?)[sS]\\s*");
    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([MKG]?)B\\s*");

    private XmcfValues() {
    }

    static long nanos(XmlTree at, String attribute) throws XmcfException {
        String v = at.attr(attribute);
        Matcher m = TIME.matcher(v);
        if (!m.matches()) {
            throw new XmcfException(at.line, at.column, "'" + v + "' in " + attribute + " is not a time like 10ms, 500us or 1s");
        }
        BigDecimal factor = switch (m.group(2)) {
            case "m" -> BigDecimal.valueOf(1_000_000L);
            case "u" -> BigDecimal.valueOf(1_000L);
            default -> BigDecimal.valueOf(1_000_000_000L);
        };
        return exact(at, attribute, new BigDecimal(m.group(1)).multiply(factor), 1_000_000_000L, 1_000_000L, 1_000L);
    }

    /** XtratuM's KB and MB are binary (1024-based), as in its own tools. */
    static long bytes(XmlTree at, String attribute) throws XmcfException {
        String v = at.attr(attribute);
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) {
            throw new XmcfException(at.line, at.column, "'" + v + "' in " + attribute + " is not a size like 16B, 4KB or 2MB");
        }
        long factor = switch (m.group(2)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            default -> 1L;
        };
        return exact(at, attribute, new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)), 1L << 30, 1L << 20,
                1L << 10);
    }

    /**
     * {@code value} as a whole number of ns or bytes that the Orrery text can hold: written in the largest of
     * {@code units} that divides it, the number must fit the language's integers (as {@code Units} writes it).
     */
    private static long exact(XmlTree at, String attribute, BigDecimal value, long... units) throws XmcfException {
        try {
            long n = value.longValueExact();
            if (!writable(n, units)) {
                throw new ArithmeticException("beyond the language's integers");
            }
            return n;
        } catch (ArithmeticException e) {
            throw new XmcfException(at.line, at.column, attribute + " '" + at.attr(attribute) + "' is not a whole number of ns/bytes or too large");
        }
    }

    static long hex(XmlTree at, String attribute) throws XmcfException {
        String v = at.attr(attribute).trim();
        long address;
        try {
            address = v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            address = -1;
        }
        if (address < 0) {
            throw new XmcfException(at.line, at.column, attribute + " '" + v + "' is not an address");
        }
        return address;
    }

    static int integer(XmlTree at, String attribute) throws XmcfException {
        String v = at.attr(attribute).trim();
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            n = -1;
        }
        // ids, processors and counts: a negative one would reach the Orrery text, where no number has a sign
        if (n < 0) {
            throw new XmcfException(at.line, at.column, attribute + " '" + v + "' is not a whole number (0 or more)");
        }
        return n;
    }

    /** Checks a sum of sizes (a partition's memory areas, the board's RAM regions) before it is written. */
    static long totalBytes(XmlTree at, String what, long bytes) throws XmcfException {
        if (!writable(bytes, 1L << 30, 1L << 20, 1L << 10)) {
            throw new XmcfException(at.line, at.column, what + " add up to more than an Orrery size can hold");
        }
        return bytes;
    }

    /** Whether {@code n}, in the largest of {@code units} dividing it (as {@code Units} writes it), fits an INT. */
    private static boolean writable(long n, long... units) {
        long written = n;
        for (long unit : units) {
            if (n % unit == 0) {
                written = n / unit;
                break;
            }
        }
        return n >= 0 && written <= Integer.MAX_VALUE;
    }

    /** The Orrery error code closest to an XtratuM health-monitor event. */
    static ErrorCode error(String event) {
        String e = event == null ? "" : event;
        if (e.endsWith("OVERRUN") && !e.contains("COPROCESSOR")) {
            return ErrorCode.WINDOW_OVERRUN;
        }
        if (e.endsWith("WATCHDOG_TIMER")) {
            return ErrorCode.WATCHDOG;
        }
        if (e.endsWith("SCHED_ERROR")) {
            return ErrorCode.DEADLINE_MISSED;
        }
        if (e.endsWith("MEM_PROTECTION") || e.endsWith("PAGE_FAULT") || e.endsWith("GENERAL_PROTECTION_FAULT")
                || e.endsWith("SEGMENT_NOT_PRESENT") || e.endsWith("PARTITION_INTEGRITY") || e.endsWith("INVALID_TSS")) {
            return ErrorCode.MEMORY_VIOLATION;
        }
        if (e.endsWith("STACK_FAULT")) {
            return ErrorCode.STACK_OVERFLOW;
        }
        if (e.endsWith("DIVIDE_EXCEPTION") || e.endsWith("OVERFLOW_EXCEPTION") || e.endsWith("MATH_FAULT")
                || e.endsWith("FLOATING_POINT_EXCEPTION") || e.endsWith("BOUNDS_EXCEPTION")) {
            return ErrorCode.NUMERIC_ERROR;
        }
        if (e.endsWith("INVALID_OPCODE") || e.endsWith("INCOMPATIBLE_INTERFACE") || e.endsWith("ALIGNMENT_CHECK")) {
            return ErrorCode.ILLEGAL_REQUEST;
        }
        if (e.endsWith("INTERNAL_ERROR") || e.endsWith("MACHINE_CHECK") || e.endsWith("NMI_EXCEPTION")
                || e.endsWith("DOUBLE_FAULT") || e.endsWith("COPROCESOR_UNAVAILABLE") || e.endsWith("COPROCESSOR_OVERRUN")) {
            return ErrorCode.HARDWARE_FAULT;
        }
        return ErrorCode.APPLICATION_ERROR;
    }

    /** The Orrery action for an XtratuM action at module ({@code module == true}) or partition level. */
    static String action(String xmAction, boolean log, boolean module) {
        String a = xmAction == null ? "" : xmAction;
        if (a.endsWith("SHUTDOWN") || a.endsWith("HALT")) {
            return module ? "SHUTDOWN_MODULE" : "IDLE_PARTITION";
        }
        if (a.endsWith("COLD_RESET")) {
            return module ? "RESET_MODULE" : "COLD_START_PARTITION";
        }
        if (a.endsWith("WARM_RESET")) {
            return module ? "RESET_MODULE" : "WARM_START_PARTITION";
        }
        if (a.endsWith("SUSPEND")) {
            return module ? "LOG" : "IDLE_PARTITION";
        }
        // IGNORE and PROPAGATE: nothing to do here beyond keeping the record when asked to log.
        return log ? "LOG" : "IGNORE";
    }
}

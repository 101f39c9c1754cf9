// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 10s}, {@code 250ms}, {@code 20us}, {@code 1500ns}, {@code 2m} into nanoseconds. */
public final class DurationConverter implements ITypeConverter<Long> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ns|us|ms|s|m)");

    @Override
    public Long convert(String value) {
        Matcher m = FORMAT.matcher(value.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration (use e.g. 10s, 250ms, 20us, 1500ns, 2m)");
        }
        long unit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 60_000_000_000L;
        };
        try {
            long n = Long.parseLong(m.group(1));
            long ns = Math.multiplyExact(n, unit);
            if (ns <= 0) {
                throw new TypeConversionException("duration must be positive, was '" + value + "'");
            }
            return ns;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is too long a duration");
        }
    }
}

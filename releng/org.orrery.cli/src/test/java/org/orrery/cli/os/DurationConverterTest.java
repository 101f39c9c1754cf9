// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter c = new DurationConverter();

    @Test
    void parsesUnits() {
        assertEquals(10_000_000_000L, c.convert("10s"));
        assertEquals(250_000_000L, c.convert("250ms"));
        assertEquals(20_000L, c.convert("20us"));
        assertEquals(1500L, c.convert("1500ns"));
        assertEquals(120_000_000_000L, c.convert("2m"));
    }

    @Test
    void rejectsNonsense() {
        for (String bad : new String[] {"", "10", "s", "-1s", "1.5s", "0s", "99999999999999999999s", "10h"}) {
            assertThrows(TypeConversionException.class, () -> c.convert(bad), bad);
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.orrery.os.kernel.ProcessFailure;

/** How a process's uncaught throwable is described, whatever its application-written toString() does. */
class ProcessFailureTest {

    @Test
    void aThrowableIsDescribedAsItsToStringSays() {
        ArithmeticException e = new ArithmeticException("/ by zero");
        ProcessFailure f = ProcessFailure.of(e);
        assertEquals("java.lang.ArithmeticException: / by zero", f.text());
        assertSame(e, f.failure());
        assertSame(f, ProcessFailure.of(f), "described once");
    }

    @Test
    void aToStringThatThrowsOrSaysNothingIsNamedByTheThrowablesClass() {
        RuntimeException throwing = new IllegalStateException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                throw new UnsupportedOperationException();
            }
        };
        assertEquals(throwing.getClass().getName() + " (its toString() failed: java.lang.UnsupportedOperationException)",
                ProcessFailure.of(throwing).text());
        RuntimeException silent = new IllegalStateException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return null;
            }
        };
        assertEquals(silent.getClass().getName(), ProcessFailure.of(silent).text());
    }

    @Test
    void aLongDescriptionIsCut() {
        String text = ProcessFailure.of(new RuntimeException("x".repeat(5000))).text();
        assertTrue(text.length() < 2100 && text.endsWith("..."), text.length() + " characters");
    }
}

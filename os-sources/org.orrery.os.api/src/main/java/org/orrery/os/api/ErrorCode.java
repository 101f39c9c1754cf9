// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/**
 * Errors the health monitor handles (ARINC 653 error codes plus Orrery's window overrun and watchdog).
 * The ordinal is part of the configuration format and of trace payloads: append new codes at the end only.
 */
public enum ErrorCode {
    /** A process did not finish its release before its deadline. */
    DEADLINE_MISSED,
    /** Raised by the application itself ({@link Partition#raiseError}) or an uncaught exception in a process. */
    APPLICATION_ERROR,
    /** Arithmetic fault in a process (an uncaught {@link ArithmeticException}). */
    NUMERIC_ERROR,
    /** An API call with invalid parameters or in the wrong mode; the call had no effect. */
    ILLEGAL_REQUEST,
    /** A process overflowed its stack. */
    STACK_OVERFLOW,
    /** A process touched memory or classes outside its partition, or exceeded its memory budget. */
    MEMORY_VIOLATION,
    /** A device or core reported a fault. */
    HARDWARE_FAULT,
    /** Power failure announced by the board. */
    POWER_FAIL,
    /** A partition kept the core beyond its window (it did not return to the kernel in time). */
    WINDOW_OVERRUN,
    /** A software (partition) or board watchdog was not kicked within its period. */
    WATCHDOG
}

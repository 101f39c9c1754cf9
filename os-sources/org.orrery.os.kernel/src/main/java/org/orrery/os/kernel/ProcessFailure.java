// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * A process's uncaught throwable with the text the health monitor prints for it, described on the process's own
 * thread before the kernel is entered. Its {@code toString()} is application code: one that never returns is then
 * the process running its own code (an overrun, as any loop), not a kernel that waits for its lock forever, and one
 * that throws is named as such. An executor hands it to a context's end handler in place of the throwable.
 */
public final class ProcessFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Longest text kept, as the partition runtime keeps it. */
    static final int MAX_TEXT = 2000;

    private final String text;

    private ProcessFailure(Throwable failure, String text) {
        super(text, failure, false, false);
        this.text = text;
    }

    /** Describes {@code failure} on the calling thread (call it without the kernel's lock). */
    public static ProcessFailure of(Throwable failure) {
        return failure instanceof ProcessFailure f ? f : new ProcessFailure(failure, describe(failure));
    }

    /** The throwable as the health monitor prints it. */
    public String text() {
        return text;
    }

    /** The process's own throwable. */
    public Throwable failure() {
        return getCause();
    }

    static String describe(Throwable t) {
        String s;
        try {
            s = t.toString();
        } catch (RuntimeException | Error e) {
            s = t.getClass().getName() + " (its toString() failed: " + e.getClass().getName() + ")";
        }
        if (s == null) {
            s = t.getClass().getName();
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
    }
}

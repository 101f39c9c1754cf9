// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain.internal;

/**
 * What a board process ({@link RunChild}) says on its stdout, one line each, and what it is told on its stdin.
 * Console lines arrive as the partitions print them; the report follows the run; a failure ends it. Text is kept on
 * one line by escaping backslashes and line breaks.
 */
public final class RunProtocol {

    public static final String CONSOLE = "console ";
    public static final String REPORT = "report ";
    public static final String STOPPED = "stopped";
    /** {@code failed KIND TEXT}, KIND one of {@link Failure}. */
    public static final String FAILED = "failed ";
    /** Sent on stdin: end the run at the next slice of board time (the trace and report are kept). */
    public static final String STOP = "stop";

    /** Why a board process could not complete its run; the parent turns each into the exception a caller expects. */
    public enum Failure {
        /** The image cannot be booted by this toolchain (refused on verification, or its OS is too old). */
        IMAGE,
        /** The configuration inside the image was refused by its kernel. */
        CONFIG,
        /** The trace folder could not be written. */
        TRACE,
        /** The board cannot run on this machine. */
        BOARD
    }

    private RunProtocol() {
    }

    public static String failed(Failure kind, String text) {
        return FAILED + kind.name() + " " + escape(text);
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    public static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.wire;

import java.util.List;

/**
 * One message between the kernel and a partition process. Every frame concerns one process thread
 * ({@code tid}), except HELLO and EXIT. Fields a frame type does not use are zero or null.
 *
 * @param a body id (RUN), method index (CALL), failure kind (END), 1 for an illegal request (RAISE)
 * @param b object id (CALL)
 * @param c stack size in bytes (RUN, LOAD), API signature (HELLO)
 * @param text entry class (LOAD), process name (RUN), partition name (HELLO), message (RAISE, END)
 * @param value returned value (RETURN)
 * @param args call arguments (CALL)
 * @param filled messages an out-parameter received, in argument order (RETURN)
 */
public record Frame(int type, int tid, int a, int b, long c, String text, Object value, Object[] args,
        List<Filled> filled) {

    // kernel -> partition
    public static final int LOAD = 1;
    public static final int RUN = 2;
    public static final int RETURN = 3;
    public static final int RAISE = 4;
    public static final int UNWIND = 5;
    public static final int EXIT = 6;
    // partition -> kernel
    public static final int HELLO = 10;
    public static final int CALL = 11;
    public static final int END = 12;

    /** END kinds: how a process thread ended, so the kernel classifies it as it would in its own JVM. */
    public static final int ENDED = 0;
    public static final int FAILED = 1;
    public static final int STACK_OVERFLOW = 2;
    public static final int OUT_OF_MEMORY = 3;
    public static final int ARITHMETIC = 4;
    public static final int LINKAGE = 5;
    public static final int ILLEGAL_REQUEST = 6;
    /** The thread stopped as the kernel's UNWIND asked (or had ended just before it came): it sends nothing more. */
    public static final int UNWOUND = 7;

    /** What a receive left in a {@link org.orrery.os.api.Message} out-parameter. */
    public record Filled(byte[] data, int length, boolean valid, long timestampNs) {
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.partition.wire.Frame;

/**
 * Throwables standing in for what a process of a partition process died of: of the category the kernel
 * classifies (stack overflow, memory, arithmetic, ...) and printing exactly what the original printed, so a
 * run reports the same lines whether the partition ran in the kernel's JVM or in its own.
 */
final class RemoteFailures {

    private RemoteFailures() {
    }

    static Throwable of(int kind, String text) {
        return switch (kind) {
            case Frame.STACK_OVERFLOW -> new StackOverflow(text);
            case Frame.OUT_OF_MEMORY -> new OutOfMemory(text);
            case Frame.ARITHMETIC -> new Arithmetic(text);
            case Frame.LINKAGE -> new Linkage(text);
            case Frame.ILLEGAL_REQUEST -> new IllegalRequestException(text);
            default -> new Failure(text);
        };
    }

    /** The partition process itself is gone (it died, or the board killed it). */
    static RuntimeException gone(String text) {
        return new Failure(text);
    }

    /** The partition process died of exhausting its heap (its memory budget). */
    static Error outOfMemory(String text) {
        return new OutOfMemory(text);
    }

    private static final class StackOverflow extends StackOverflowError {
        private static final long serialVersionUID = 1L;

        StackOverflow(String text) {
            super(text);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    private static final class OutOfMemory extends OutOfMemoryError {
        private static final long serialVersionUID = 1L;

        OutOfMemory(String text) {
            super(text);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    private static final class Arithmetic extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        Arithmetic(String text) {
            super(text);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    private static final class Linkage extends LinkageError {
        private static final long serialVersionUID = 1L;

        Linkage(String text) {
            super(text);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String text) {
            super(text, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}

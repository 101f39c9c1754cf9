// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * Binds libc functions through the FFM linker. Functions that report failure through errno get a leading
 * capture-state segment (Linker.Option.captureCallState), because errno would be overwritten by the JVM's own
 * calls before Java code could read it.
 */
final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final MemoryLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private Libc() {
    }

    /** Bound when a message first needs it (see {@code Linux}: each binding costs a cold JVM). */
    private static final class Strerror {
        static final MethodHandle H = bind("strerror", false, FunctionDescriptor.of(ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT));
    }

    /**
     * A downcall handle for {@code name}; with {@code errno} true its first parameter is a capture segment
     * from {@link #captureSegment(Arena)}. Null when the symbol is missing (so {@link Linux#available()} can
     * say so instead of failing class initialisation).
     */
    static MethodHandle bind(String name, boolean errno, FunctionDescriptor descriptor) {
        Optional<MemorySegment> symbol = LOOKUP.find(name);
        if (symbol.isEmpty()) {
            return null;
        }
        return errno
                ? LINKER.downcallHandle(symbol.get(), descriptor, CAPTURE_ERRNO)
                : LINKER.downcallHandle(symbol.get(), descriptor);
    }

    static MemorySegment captureSegment(Arena arena) {
        return arena.allocate(CAPTURE_LAYOUT);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** The C library's text for an error number, e.g. "Operation not permitted". */
    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Strerror.H.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }
}

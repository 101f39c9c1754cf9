// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.orrery.os.partition.wire.ApiTable;

/** The kernel's reflective dispatch of partition service calls, made before any partition calls. */
final class DispatchWarmUp {

    private DispatchWarmUp() {
    }

    /**
     * Makes the reflective accessor of every partition service method before any partition calls one. A method's first
     * {@code invoke} in a JVM spins a method handle for it (1.4-13 ms each in a cold JVM, measured), which the first
     * activation of the first process to make that call paid inside its window: flight-control's {@code control},
     * released with half a window left, missed its first deadline by it. The board calls this while its partition
     * processes start, when the kernel waits for them anyway.
     */
    static void run() {
        for (int i = 0; i < ApiTable.INTERFACES.size(); i++) {
            Class<?> type = ApiTable.INTERFACES.get(i);
            Object idle = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> zero(method.getReturnType()));
            for (int k = 0; ApiTable.method(i, k) != null; k++) {
                Method m = ApiTable.method(i, k);
                Class<?>[] types = m.getParameterTypes();
                Object[] args = new Object[types.length];
                for (int a = 0; a < types.length; a++) {
                    args[a] = zero(types[a]);
                }
                try {
                    m.invoke(idle, args);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot prepare the partition service " + m + ": " + e, e);
                }
            }
        }
    }

    /** The zero of {@code type}: what an idle service returns, and the argument it is called with. */
    private static Object zero(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        // not one chain of ?: (it would promote every box to one numeric type)
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return (char) 0;
    }
}

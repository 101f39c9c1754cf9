// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.orrery.os.partition.wire.ApiTable;
import org.orrery.os.partition.wire.Frame;
import org.orrery.os.partition.wire.ProtocolException;

/**
 * A CALL frame resolved to a service the partition was given and a method of the partition API its arguments fit;
 * anything else is refused before the kernel invokes anything, naming what was wrong.
 */
record ApiCall(Object target, Method method) {

    /** The call {@code f} names among the services the kernel gave the partition ({@code objects}, by id). */
    static ApiCall of(List<Object> objects, Frame f) throws ProtocolException {
        int id = f.b();
        if (id < 0 || id >= objects.size()) {
            throw new ProtocolException("it called service #" + id + ", which the kernel never gave it");
        }
        Object target = objects.get(id);
        int iface = ApiTable.interfaceOf(target);
        Method m = ApiTable.method(iface, f.a());
        if (m == null) {
            throw new ProtocolException(ApiTable.INTERFACES.get(iface).getSimpleName() + " has no method #" + f.a());
        }
        if (!fits(m, f.args())) {
            throw new ProtocolException("its arguments do not fit " + describe(m));
        }
        return new ApiCall(target, m);
    }

    private static boolean fits(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i].isPrimitive() ? box(types[i]) : types[i];
            if (args[i] == null ? types[i].isPrimitive() : !t.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> p) {
        return p == int.class ? Integer.class : p == long.class ? Long.class : p == boolean.class ? Boolean.class
                : p == byte.class ? Byte.class : p == short.class ? Short.class : p == char.class ? Character.class
                : p == float.class ? Float.class : Double.class;
    }

    private static String describe(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}

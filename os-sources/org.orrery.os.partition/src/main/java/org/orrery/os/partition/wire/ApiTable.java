// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.wire;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.Event;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.Semaphore;

/**
 * The partition API as numbers: each service interface has an index and each of its methods a position in
 * a canonical order (name, then parameter types), so both ends of the wire name a call the same way. The
 * table's {@link #signature()} is exchanged when a partition process connects: a runtime built against
 * another API is refused instead of calling the wrong method.
 */
public final class ApiTable {
    /** The services a partition can hold a reference to; the position is the interface's wire index. */
    public static final List<Class<?>> INTERFACES = List.of(Partition.class, PartitionProcess.class,
            SamplingPort.class, QueuingPort.class, Buffer.class, Blackboard.class, Semaphore.class, Event.class);

    private static final Method[][] METHODS = new Method[INTERFACES.size()][];
    private static final Map<Method, Integer> INDEX = new HashMap<>();
    private static final long SIGNATURE;

    static {
        CRC32 crc = new CRC32();
        for (int i = 0; i < INTERFACES.size(); i++) {
            List<Method> ms = new ArrayList<>();
            for (Method m : INTERFACES.get(i).getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == INTERFACES.get(i)) {
                    ms.add(m);
                }
            }
            ms.sort(Comparator.comparing(ApiTable::describe));
            METHODS[i] = ms.toArray(Method[]::new);
            for (int k = 0; k < METHODS[i].length; k++) {
                INDEX.put(METHODS[i][k], k);
                crc.update((i + ":" + describe(METHODS[i][k]) + ";").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        SIGNATURE = crc.getValue();
    }

    private ApiTable() {
    }

    /** The wire index of the first service interface {@code o} implements, or -1. */
    public static int interfaceOf(Object o) {
        for (int i = 0; i < INTERFACES.size(); i++) {
            if (INTERFACES.get(i).isInstance(o)) {
                return i;
            }
        }
        return -1;
    }

    /** The method at {@code index} of interface {@code iface}, or null when out of range. */
    public static Method method(int iface, int index) {
        if (iface < 0 || iface >= METHODS.length || index < 0 || index >= METHODS[iface].length) {
            return null;
        }
        return METHODS[iface][index];
    }

    /** The wire index of an interface method of the table. */
    public static int indexOf(Method m) {
        Integer i = INDEX.get(m);
        if (i == null) {
            throw new IllegalArgumentException("not a partition service method: " + m);
        }
        return i;
    }

    /** A checksum of the whole table (interfaces, method names and parameter types, in order). */
    public static long signature() {
        return SIGNATURE;
    }

    private static String describe(Method m) {
        return m.getName() + Arrays.toString(Arrays.stream(m.getParameterTypes()).map(Class::getName).toArray())
                + m.getReturnType().getName();
    }
}

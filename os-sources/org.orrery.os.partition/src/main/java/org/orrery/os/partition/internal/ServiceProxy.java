// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

import org.orrery.os.partition.wire.ApiTable;

/** Stands in for one kernel service object: every interface call becomes a CALL of the calling process. */
final class ServiceProxy implements InvocationHandler {
    private final int id;
    private final int iface;

    ServiceProxy(int id, int iface) {
        this.id = id;
        this.iface = iface;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> ApiTable.INTERFACES.get(iface).getSimpleName() + "#" + id;
            };
        }
        return ProcessThread.current().call(id, ApiTable.indexOf(method), args);
    }
}

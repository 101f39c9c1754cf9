// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.IdentityHashMap;
import java.util.Map;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.partition.LocalPorts;

/**
 * A partition's own kernel with its ports in shared memory: the application gets the board's stand-ins
 * ({@link LocalPorts}) for the kernel's port objects, as a partition process without a kernel of its own does, so a
 * message never passes through the kernel. Only the two calls that create ports are looked at; every other call goes
 * to the kernel's partition services unchanged.
 */
final class PortStandIns {
    /** Set while the partition's initialisation runs on the calling thread (where the kernel refuses to block). */
    private static final ThreadLocal<Boolean> INITIALISING = new ThreadLocal<>();

    private PortStandIns() {
    }

    /** {@code loader}'s applications, each given {@code ports}' stand-ins for the ports it creates. */
    static ApplicationLoader around(ApplicationLoader loader, LocalPorts ports) {
        ports.attach(new LocalPorts.Caller() {
            @Override
            public boolean initialising() {
                return INITIALISING.get() != null;
            }

            @Override
            public boolean stopped() {
                return ConcurrentExecutor.callerStopped();
            }
        });
        Map<Object, Object> standIns = new IdentityHashMap<>();
        return (partition, cold) -> {
            PartitionApplication app = loader.load(partition, cold);
            if (!cold) {
                ports.restarted(); // the handles of the earlier start are refused until created again
            }
            return p -> {
                INITIALISING.set(Boolean.TRUE);
                try {
                    app.initialize(wrap(p, ports, standIns));
                } finally {
                    INITIALISING.remove();
                }
            };
        };
    }

    private static Partition wrap(Partition kernel, LocalPorts ports, Map<Object, Object> standIns) {
        Partition[] self = new Partition[1];
        self[0] = (Partition) Proxy.newProxyInstance(PortStandIns.class.getClassLoader(), new Class<?>[] {Partition.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(kernel, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause(); // the kernel's refusal, or the unwinding of a stopped process, unchanged
                    }
                    if (result instanceof SamplingPort || result instanceof QueuingPort) {
                        Object standIn;
                        synchronized (standIns) {
                            standIn = standIns.computeIfAbsent(result, r -> r instanceof SamplingPort s
                                    ? ports.sampling(s) : ports.queuing((QueuingPort) r, self[0]));
                        }
                        ports.created(standIn);
                        ports.prepare(standIn);
                        return standIn;
                    }
                    return result;
                });
        return self[0];
    }
}

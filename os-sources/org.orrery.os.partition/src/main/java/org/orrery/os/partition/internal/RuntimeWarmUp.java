// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.internal;

import java.lang.reflect.Proxy;
import java.util.List;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.partition.wire.ApiTable;

/**
 * Runs once at process start, before the partition connects to the kernel, what a cold JVM is slowest at the first
 * time and nearly every partition pays for in its first windows otherwise: there a process's first activation has a
 * deadline and a watchdog, and a partition gets a few milliseconds in each major frame. Measured in a cold partition
 * JVM of this machine: the first {@code String.format} took 25-50 ms (the formatter and the locale's number symbols),
 * the next one 0.1 ms; the satellite example's manager, 10 ms per 100 ms frame, formats a housekeeping line before
 * it kicks its watchdog (200 ms then) again and was cold-started every second on the hosted board. The proxy classes
 * of the common services are generated here too (10 ms for the first, 1-2 ms for each other, in the initialisation's
 * windows before). The runtime's AOT cache is trained with this, so it costs less at every start.
 */
public final class RuntimeWarmUp {

    private RuntimeWarmUp() {
    }

    public static void run() {
        // The conversions an application's log and telemetry lines use, in the process's default locale.
        org.orrery.os.partition.TextWarmUp.run();
        // The services nearly every application creates (the rest, 1-2 ms each, when one is created); the proxy
        // classes are cached per loader, so the runtime's own proxies reuse them.
        for (Class<?> type : List.of(Partition.class, PartitionProcess.class, SamplingPort.class, QueuingPort.class)) {
            Proxy.newProxyInstance(RuntimeWarmUp.class.getClassLoader(), new Class<?>[] {type},
                    new ServiceProxy(-1, ApiTable.INTERFACES.indexOf(type)));
        }
    }
}

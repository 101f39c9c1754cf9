// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.util.Map;
import java.util.function.Supplier;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.config.PartitionConfig;

/**
 * Supplies a partition's application at each (re)start. Called on the partition's initialisation thread,
 * so a misbehaving class initialiser is caught by the same guards as application code. A cold start
 * should give fresh classes (new class loader); a warm start may reuse them.
 */
@FunctionalInterface
public interface ApplicationLoader {
    PartitionApplication load(PartitionConfig partition, boolean coldStart) throws Exception;

    /** A loader from in-process factories keyed by partition name (tests, embedded use; no isolation). */
    static ApplicationLoader of(Map<String, Supplier<? extends PartitionApplication>> factories) {
        Map<String, Supplier<? extends PartitionApplication>> copy = Map.copyOf(factories);
        return (partition, cold) -> {
            Supplier<? extends PartitionApplication> f = copy.get(partition.name());
            if (f == null) {
                throw new ClassNotFoundException("no application for partition '" + partition.name() + "'");
            }
            return f.get();
        };
    }
}

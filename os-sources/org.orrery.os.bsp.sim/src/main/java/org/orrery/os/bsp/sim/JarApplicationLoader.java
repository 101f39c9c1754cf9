// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import org.orrery.os.partition.PartitionClassLoader;
import java.util.HashMap;
import java.util.Map;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.kernel.ApplicationLoader;

/**
 * Loads each partition's application from its jar through a {@link PartitionClassLoader}: a new loader
 * on every cold start, the same one on a warm start.
 */
public final class JarApplicationLoader implements ApplicationLoader {
    private final Map<String, byte[]> jars;
    private final Map<String, PartitionClassLoader> loaders = new HashMap<>();

    /** @param jars application jar bytes by partition name */
    public JarApplicationLoader(Map<String, byte[]> jars) {
        this.jars = Map.copyOf(jars);
    }

    @Override
    public synchronized PartitionApplication load(PartitionConfig partition, boolean coldStart) throws Exception {
        byte[] jar = jars.get(partition.name());
        if (jar == null) {
            throw new ClassNotFoundException("no application jar for partition " + partition.name());
        }
        PartitionClassLoader loader = loaders.get(partition.name());
        if (coldStart || loader == null) {
            loader = PartitionClassLoader.fromJar(partition.name(), jar);
            loaders.put(partition.name(), loader);
        }
        Class<?> type = loader.loadClass(partition.entryClass());
        if (!PartitionApplication.class.isAssignableFrom(type)) {
            throw new ClassCastException(partition.entryClass() + " does not implement PartitionApplication");
        }
        return (PartitionApplication) type.getDeclaredConstructor().newInstance();
    }
}

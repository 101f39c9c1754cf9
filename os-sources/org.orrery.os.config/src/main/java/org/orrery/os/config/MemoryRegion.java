// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * A named memory region and the partitions that may use it (several = shared memory).
 *
 * @param base start address in bytes
 * @param size length in bytes, &gt; 0; regions do not overlap
 */
public record MemoryRegion(String name, long base, long size, MemoryAccess access, List<String> partitions) {
    public MemoryRegion {
        name = Checks.str(name, "memoryRegion.name");
        access = Checks.obj(access, "memoryRegion.access");
        partitions = Checks.list(partitions, "memoryRegion.partitions");
    }
}

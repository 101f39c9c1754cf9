// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * A named memory region and the partitions that may use it (several = shared memory).
 *
 * @param base start address in bytes
 * @param size length in bytes, &gt; 0; a region overlaps no other region unless one of the two is shared
 * @param shared declared as memory other regions may overlap (the same bytes granted to other partitions, with
 *        their own access rights), as XtratuM's {@code shared} memory areas are
 */
public record MemoryRegion(String name, long base, long size, MemoryAccess access, List<String> partitions, boolean shared) {
    public MemoryRegion {
        name = Checks.str(name, "memoryRegion.name");
        access = Checks.obj(access, "memoryRegion.access");
        partitions = Checks.list(partitions, "memoryRegion.partitions");
    }

    /** A region that no other region may overlap. */
    public MemoryRegion(String name, long base, long size, MemoryAccess access, List<String> partitions) {
        this(name, base, size, access, partitions, false);
    }
}

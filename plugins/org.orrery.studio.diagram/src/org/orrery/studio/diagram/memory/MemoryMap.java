// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.memory;

import java.util.List;
import java.util.Optional;

/**
 * The memory map of the system's board: the RAM bar with every partition and VM budget where the generator
 * places it, then the board's own regions (from its BSP) and the system's regions, each with what lies in
 * it, what is free, and overlaps flagged by the language's diagnostics.
 */
public record MemoryMap(String board, Bar ram, List<Bar> boardRegions, List<Bar> systemRegions) {

    public MemoryMap {
        boardRegions = List.copyOf(boardRegions);
        systemRegions = List.copyOf(systemRegions);
    }

    /** RAM first, then board regions, then system regions: the order the page draws them. */
    public List<Bar> bars() {
        List<Bar> all = new java.util.ArrayList<>();
        all.add(ram);
        all.addAll(boardRegions);
        all.addAll(systemRegions);
        return all;
    }

    public Optional<Bar> bar(String name) {
        return bars().stream().filter(b -> b.name().equals(name)).findFirst();
    }
}

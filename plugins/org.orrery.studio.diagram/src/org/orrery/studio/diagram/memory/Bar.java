// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.memory;

import java.util.List;

import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * One horizontal bar of the memory map: the board's RAM with the placed budgets, or one memory region.
 *
 * @param origin     RAM (budgets, offsets from 0), BOARD (a region of the board's BSP) or SYSTEM (a top-level
 *                   region, granted to {@code partitions})
 * @param access     the region's access rights as written ({@code rw}, {@code rx}...), empty for RAM
 * @param used       bytes covered by segments other than overlaps (budgets for RAM, system regions for a
 *                   board region); {@code free = size - used} may be negative when budgets do not fit
 * @param fragment   the element the bar stands for (the region, or the board for RAM), null when imported
 */
public record Bar(Origin origin, String name, long base, long size, String access, List<String> partitions,
        List<Segment> segments, long used, String fragment, List<ModelDiagnostic> diagnostics) {

    public enum Origin {
        RAM, BOARD, SYSTEM
    }

    public Bar {
        partitions = List.copyOf(partitions);
        segments = List.copyOf(segments);
        diagnostics = List.copyOf(diagnostics);
    }

    public long free() {
        return size - used;
    }

    public long end() {
        return base + size;
    }

    /** True when the bar or one of its segments carries an error or warning. */
    public boolean flagged() {
        return !diagnostics.isEmpty() || segments.stream().anyMatch(s -> !s.diagnostics().isEmpty());
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.memory;

import java.util.List;

import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * A stretch of one bar of the memory map: a partition or VM budget in the RAM bar, a system region inside a
 * board region, or the part where two regions overlap. {@code start} is an address for region bars and an
 * offset into the RAM for the budget bar.
 */
public record Segment(Kind kind, String label, long start, long size, String fragment, List<ModelDiagnostic> diagnostics) {

    public enum Kind {
        PARTITION, VM, REGION, OVERLAP
    }

    public Segment {
        diagnostics = List.copyOf(diagnostics);
    }

    public long end() {
        return start + size;
    }
}

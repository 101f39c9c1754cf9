// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

import java.util.List;
import java.util.stream.Collectors;

import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * One window as the timeline draws it. {@code owner} is the partition's (or VM's) name, {@code colour} its
 * 0xRRGGBB from {@code PartitionColours}, so a partition keeps its colour in every plan and lane.
 */
public record WindowBlock(WindowRef ref, long startNs, long durationNs, String owner, boolean vm, int colour,
        List<ModelDiagnostic> diagnostics) {

    public long endNs() {
        return startNs + durationNs;
    }

    /** True when the text has an error or warning on this window: the timeline flags it. */
    public boolean flagged() {
        return diagnostics.stream().anyMatch(d -> d.severity() != ModelDiagnostic.Severity.INFO);
    }

    /** The diagnostics as the text editor shows them, one per line (for tooltips). */
    public String problemText() {
        return diagnostics.stream().map(ModelDiagnostic::label).collect(Collectors.joining("\n"));
    }

    public boolean contains(long timeNs) {
        return timeNs >= startNs && timeNs < endNs();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import java.util.List;

import org.orrery.studio.diagram.edit.ModelDiagnostic;

/**
 * A partition's port as drawn: destination ports sit on the west side of their partition, source ports on
 * the east side, so channels flow left to right.
 *
 * @param id         {@code partition.port}, the name channels use in the text
 * @param fragment   EMF URI fragment of the port in the session's resource (null for imported files)
 * @param bounds     absolute, inside the owner's bounds
 */
public record TopologyPort(String id, String name, String partition, ChannelKind kind, boolean in, long messageSize,
        Box bounds, String fragment, List<ModelDiagnostic> diagnostics) {

    public TopologyPort {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean out() {
        return !in;
    }
}

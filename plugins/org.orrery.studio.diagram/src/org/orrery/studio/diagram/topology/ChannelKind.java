// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import org.orrery.dsl.orrery.PortKind;

/** Kind of a port or channel, without the EMF model types, so canvases need not import the DSL. */
public enum ChannelKind {
    SAMPLING, QUEUING;

    public static ChannelKind of(PortKind kind) {
        return kind == PortKind.QUEUING ? QUEUING : SAMPLING;
    }

    /** The keyword the language uses. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

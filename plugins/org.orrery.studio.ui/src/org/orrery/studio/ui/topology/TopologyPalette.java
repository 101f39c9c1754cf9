// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.topology;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.topology.ChannelKind;
import org.orrery.studio.diagram.topology.TopologyEdge;
import org.orrery.studio.diagram.topology.TopologyNode;

/** Colours of the topology diagram; problems use the editor's error/warning hues so they read the same. */
final class TopologyPalette {

    private final Color background;
    private final Color partition;
    private final Color vm;
    private final Color service;
    private final Color border;
    private final Color text;
    private final Color detail;
    private final Color sampling;
    private final Color queuing;
    private final Color hosts;
    private final Color selection;
    private final Color rubber;
    private final Color valid;
    private final Color error;
    private final Color warning;

    TopologyPalette(Display d) {
        background = new Color(d, 250, 250, 252);
        partition = new Color(d, 221, 234, 248);
        vm = new Color(d, 232, 224, 246);
        service = new Color(d, 251, 243, 214);
        border = new Color(d, 90, 100, 120);
        text = new Color(d, 20, 24, 32);
        detail = new Color(d, 90, 96, 110);
        sampling = new Color(d, 24, 128, 120);
        queuing = new Color(d, 196, 110, 20);
        hosts = new Color(d, 140, 140, 150);
        selection = new Color(d, 30, 90, 220);
        rubber = new Color(d, 30, 90, 220);
        valid = new Color(d, 60, 200, 90);
        error = new Color(d, 210, 30, 30);
        warning = new Color(d, 225, 160, 0);
    }

    Color background() {
        return background;
    }

    Color node(TopologyNode.Kind kind) {
        return switch (kind) {
            case PARTITION -> partition;
            case VM -> vm;
            case SERVICE -> service;
        };
    }

    Color border() {
        return border;
    }

    Color text() {
        return text;
    }

    Color detail() {
        return detail;
    }

    Color edge(TopologyEdge.Kind kind) {
        return switch (kind) {
            case SAMPLING -> sampling;
            case QUEUING -> queuing;
            case HOSTS -> hosts;
        };
    }

    Color port(ChannelKind kind) {
        return kind == ChannelKind.QUEUING ? queuing : sampling;
    }

    Color selection() {
        return selection;
    }

    Color rubberBand() {
        return rubber;
    }

    Color validTarget() {
        return valid;
    }

    Color severity(ModelDiagnostic.Severity s) {
        return s == ModelDiagnostic.Severity.ERROR ? error : warning;
    }

    void dispose() {
        for (Color c : new Color[] {background, partition, vm, service, border, text, detail, sampling, queuing, hosts,
                selection, rubber, valid, error, warning}) {
            c.dispose();
        }
    }
}

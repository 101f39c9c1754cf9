// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.schedule;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.orrery.dsl.model.Units;
import org.orrery.studio.diagram.schedule.PlanSchedule;
import org.orrery.studio.diagram.schedule.Utilisation;

/** The legend under the timeline: per core and partition, the colour, busy time and share of the frame. */
public final class UtilisationTable {

    private final Table table;

    public UtilisationTable(Composite parent) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String title : new String[] { "Partition", "Core", "Time per frame", "Major frame", "Utilisation" }) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(title);
            c.setWidth(120);
        }
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.heightHint = 140;
        table.setLayoutData(data);
    }

    public Table table() {
        return table;
    }

    public void show(PlanSchedule plan) {
        table.setRedraw(false);
        table.removeAll();
        if (plan != null) {
            for (Utilisation u : plan.utilisation()) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] { u.owner(), Integer.toString(u.core()), Units.formatNanos(u.busyNs()),
                    Units.formatNanos(u.frameNs()), u.percent() });
                item.setBackground(0, SchedulePalette.partition(u.colour()));
                item.setForeground(0, table.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            }
        }
        table.setRedraw(true);
    }
}

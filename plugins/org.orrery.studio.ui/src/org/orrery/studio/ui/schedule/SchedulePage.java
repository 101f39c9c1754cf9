// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.schedule;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.edit.TextEdit;
import org.orrery.studio.diagram.schedule.PlanSchedule;
import org.orrery.studio.diagram.schedule.ScheduleEditor;
import org.orrery.studio.diagram.schedule.ScheduleModel;
import org.orrery.studio.diagram.schedule.WindowRef;
import org.orrery.studio.ui.SystemEditorContext;
import org.orrery.studio.ui.SystemEditorPage;
import org.orrery.studio.ui.internal.schedule.ScheduleCanvas;
import org.orrery.studio.ui.internal.schedule.ScheduleInteraction;
import org.orrery.studio.ui.internal.schedule.UtilisationTable;

/**
 * The system editor's "Schedule" page: a plan selector, the partition that new windows get, the timeline
 * canvas and the utilisation legend. Every gesture becomes a {@link ScheduleEditor} operation applied
 * through the editor context, i.e. a minimal, undoable text edit.
 */
public final class SchedulePage implements SystemEditorPage, ScheduleInteraction.Operations {

    private SystemEditorContext context;
    private Combo plans;
    private Combo partitions;
    private ScheduleCanvas canvas;
    private UtilisationTable legend;
    private ScheduleModel model;
    private long shown = -1;

    @Override
    public Control createControl(Composite parent, SystemEditorContext context) {
        this.context = context;
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(5, false));
        new Label(root, SWT.NONE).setText("Plan:");
        plans = new Combo(root, SWT.READ_ONLY);
        plans.addListener(SWT.Selection, e -> show());
        new Label(root, SWT.NONE).setText("New windows for:");
        partitions = new Combo(root, SWT.READ_ONLY);
        Label hint = new Label(root, SWT.NONE);
        hint.setText("Drag a window to move it, its edges to resize, empty space to add one; Delete removes.");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new ScheduleCanvas(root);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        new ScheduleInteraction(canvas, this);
        legend = new UtilisationTable(root);
        ((GridData) legend.table().getLayoutData()).horizontalSpan = 5;
        modelChanged();
        return root;
    }

    @Override
    public void modelChanged() {
        SystemModelSession session = SystemEditorPage.modelToShow(context, canvas, shown);
        if (session == null) {
            return;
        }
        shown = session.generation();
        model = ScheduleModel.of(session);
        refill(plans, model.planNames(), model.defaultPlan() == null ? null : model.defaultPlan().name());
        refill(partitions, model.partitions(), null);
        show();
    }

    // Keeps the user's choice across re-parses when it still exists.
    private static void refill(Combo combo, List<String> items, String preferred) {
        String current = combo.getText();
        if (!List.of(combo.getItems()).equals(items)) {
            combo.setItems(items.toArray(String[]::new));
        }
        int keep = items.indexOf(current);
        int index = keep >= 0 ? keep : preferred == null ? 0 : Math.max(0, items.indexOf(preferred));
        if (!items.isEmpty()) {
            combo.select(index);
        }
    }

    private void show() {
        PlanSchedule plan = model.plan(plans.getText());
        canvas.setModel(model, plan);
        legend.show(plan);
    }

    /** Shows plan {@code name}; false if the file has no such plan. */
    public boolean selectPlan(String name) {
        int index = List.of(plans.getItems()).indexOf(name);
        if (index < 0) {
            return false;
        }
        plans.select(index);
        show();
        return true;
    }

    public ScheduleCanvas canvas() {
        return canvas;
    }

    public UtilisationTable legend() {
        return legend;
    }

    @Override
    public void activated() {
        modelChanged();
        canvas.setFocus();
    }

    private ScheduleEditor editor() {
        return new ScheduleEditor(context.session());
    }

    private void run(Supplier<List<TextEdit>> operation) {
        context.apply(operation);
    }

    @Override
    public void move(WindowRef ref, long startNs) {
        run(() -> editor().move(ref, startNs));
    }

    @Override
    public void resize(WindowRef ref, long startNs, long endNs) {
        run(() -> editor().resize(ref, startNs, endNs));
    }

    @Override
    public void create(int core, long startNs, long endNs) {
        String owner = partitions.getText();
        String plan = plans.getText();
        run(() -> editor().create(plan, core, startNs, endNs, owner));
    }

    @Override
    public void delete(WindowRef ref) {
        canvas.select(null);
        run(() -> editor().delete(ref));
    }

    @Override
    public void undo() {
        context.undo();
    }

    @Override
    public void redo() {
        context.redo();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.wizards;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.VendorImport;

/**
 * The importer's warnings, one row per warning with the vendor file's line, shown before anything is written:
 * what the vendor file says that Orrery skips or replaces is the user's to judge.
 */
final class ImportFindingsPage extends WizardPage {

    private Table table;
    private Label summary;
    private VendorImport imported;

    ImportFindingsPage() {
        super("importFindings");
        setTitle("Review the Import");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(c);
        summary = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(summary);
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 200).applyTo(table);
        column("Line", 60);
        column("Warning", 560);
        setControl(c);
    }

    private void column(String text, int width) {
        TableColumn col = new TableColumn(table, SWT.LEFT);
        col.setText(text);
        col.setWidth(width);
    }

    /** Shows what importing {@code input} into {@code target} gave. */
    void show(Path input, IFile target, VendorImport result) {
        this.imported = result;
        table.removeAll();
        // in the vendor file's order, as the user reads it alongside
        List<Diagnostic> byLine = result.warnings().stream()
                .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)).toList();
        for (Diagnostic w : byLine) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {Integer.toString(w.line()), w.message()});
            item.setData(w);
        }
        int n = result.warnings().size();
        setDescription("Finish writes " + target.getFullPath() + " and opens it.");
        summary.setText(n == 0 ? input.getFileName() + " imported with no warnings."
                : input.getFileName() + ": " + n + (n == 1 ? " warning" : " warnings")
                        + " about what Orrery skips or replaces (the line is the vendor file's).");
        summary.getParent().layout(true, true);
    }

    /** The converted system, or null before the importer has run. */
    VendorImport imported() {
        return imported;
    }
}

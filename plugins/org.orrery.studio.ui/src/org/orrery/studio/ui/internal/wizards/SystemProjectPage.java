// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.wizards;

import java.util.List;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.orrery.studio.examples.Examples;

/** Asks for the project's name and the example system it starts from. */
final class SystemProjectPage extends WizardPage {

    private final List<Examples.Example> examples;
    private Text name;
    private Table table;
    /** The name follows the selected example until the user types one. */
    private boolean nameTyped;

    SystemProjectPage(List<Examples.Example> examples) {
        super("systemProject");
        this.examples = examples;
        setTitle("Orrery System Project");
        setDescription("Create a project from one of the example systems; it is validated, generated and built "
                + "into a signed image on every change.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);

        new Label(c, SWT.NONE).setText("&Project name:");
        name = new Text(c, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
        name.addModifyListener(e -> {
            if (name.isFocusControl()) {
                nameTyped = true;
            }
            validate();
        });

        Label l = new Label(c, SWT.NONE);
        l.setText("&Example system:");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(l);
        table = new Table(c, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(SWT.DEFAULT, 160).applyTo(table);
        for (Examples.Example e : examples) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(e.title() + "  (" + e.name() + ")");
            item.setData(e);
        }
        table.addListener(SWT.Selection, e -> {
            if (!nameTyped && example() != null) {
                name.setText(example().name());
            }
            validate();
        });
        if (!examples.isEmpty()) {
            table.select(0);
            name.setText(examples.get(0).name());
        }
        setControl(c);
        validate();
    }

    String projectName() {
        return name.getText().trim();
    }

    Examples.Example example() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : (Examples.Example) table.getItem(i).getData();
    }

    private void validate() {
        String error = null;
        IStatus valid = ResourcesPlugin.getWorkspace().validateName(projectName(), IResource.PROJECT);
        if (projectName().isEmpty()) {
            error = "Enter a project name.";
        } else if (!valid.isOK()) {
            error = valid.getMessage();
        } else if (ResourcesPlugin.getWorkspace().getRoot().getProject(projectName()).exists()) {
            error = "A project named '" + projectName() + "' already exists.";
        } else if (example() == null) {
            error = examples.isEmpty() ? "No example systems are installed." : "Select an example system.";
        }
        setErrorMessage(error);
        setPageComplete(error == null);
    }
}

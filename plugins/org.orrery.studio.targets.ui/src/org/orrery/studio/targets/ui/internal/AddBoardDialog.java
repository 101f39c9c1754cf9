// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.internal;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.studio.targets.RefreshJob;

/**
 * Adds a board, trust on first use: the user names it and types {@code HOST:PORT}, Connect shows the fingerprint
 * of the key the board presents, and OK is only possible once the user says they trust that fingerprint (checked
 * against what the board printed at its start). Changing the address forgets the fingerprint.
 */
public final class AddBoardDialog extends TitleAreaDialog {

    public static final String TITLE = "Add Orrery Board";

    private final BoardsModel model;
    private Text name;
    private Text address;
    private Button connect;
    private Text fingerprint;
    private Button trust;
    private String probed;

    public AddBoardDialog(Shell parent, BoardsModel model) {
        super(parent);
        this.model = model;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Add a board");
        setMessage("Name the board, give the address its agent listens on, and check the key it presents.");
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        name = field(c, "&Name:", 2);
        address = field(c, "&Address (HOST:PORT):", 1);
        connect = new Button(c, SWT.PUSH);
        connect.setText("&Connect");
        connect.addListener(SWT.Selection, e -> probe());
        new Label(c, SWT.NONE).setText("Fingerprint:");
        fingerprint = new Text(c, SWT.READ_ONLY | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(480, SWT.DEFAULT).applyTo(fingerprint);
        trust = new Button(c, SWT.CHECK);
        trust.setText("I checked this &fingerprint against the one the board printed, and trust it");
        trust.setEnabled(false);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(trust);
        trust.addListener(SWT.Selection, e -> validate());
        address.addModifyListener(e -> forget());
        name.addModifyListener(e -> validate());
        return area;
    }

    private static Text field(Composite c, String label, int span) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(t);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    /** First contact in the background; the answer (a fingerprint or why there is none) comes back on the UI thread. */
    private void probe() {
        String n = name.getText().strip();
        String a = address.getText().strip();
        try {
            BoardRegistry.parseAddress(a);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        setErrorMessage(null);
        connect.setEnabled(false);
        fingerprint.setText("connecting to " + a + "\u2026");
        Job job = Job.create("Connecting to board at " + a, monitor -> {
            String fp = null;
            String problem = null;
            try {
                fp = model.probe(n.isEmpty() ? a : n, a);
            } catch (IOException e) {
                problem = e.getMessage();
            }
            String found = fp;
            String why = problem;
            Shell shell = getShell();
            if (shell != null && !shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> probed(a, found, why));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void probed(String a, String fp, String problem) {
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        connect.setEnabled(true);
        if (!a.equals(address.getText().strip())) {
            return; // the user typed another address meanwhile
        }
        probed = fp;
        fingerprint.setText(fp == null ? "" : fp);
        trust.setEnabled(fp != null);
        trust.setSelection(false);
        setErrorMessage(problem);
        validate();
    }

    private void forget() {
        probed = null;
        if (fingerprint != null) {
            fingerprint.setText("");
            trust.setSelection(false);
            trust.setEnabled(false);
        }
        validate();
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(probed != null && trust.getSelection() && !name.getText().isBlank());
        }
    }

    @Override
    protected void okPressed() {
        String n = name.getText().strip();
        try {
            model.remember(n, address.getText().strip(), probed);
        } catch (IOException | IllegalArgumentException e) {
            setErrorMessage(e.getMessage()); // a bad or taken name: the user fixes it here
            return;
        }
        new RefreshJob(model, List.of(n)).schedule();
        super.okPressed();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.internal.wizards;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;
import org.orrery.dsl.VendorFormat;

/**
 * Where the import reads from (a vendor file on disk) and writes to (a workspace folder and file name, by default
 * {@code <input-stem>.orrery}). Next runs the importer; a refusal stays on this page as its error, naming the line.
 */
final class VendorFilePage extends WizardPage {

    /** Hint texts of the fields; tests find the fields by them. */
    static final String INPUT_HINT = "vendor file (.xml)";
    static final String FOLDER_HINT = "workspace folder, e.g. /project/systems";
    static final String NAME_HINT = "system.orrery";

    private final VendorFormat format;
    private final IContainer initialFolder;
    private final Predicate<Path> convert;
    private Text input;
    private Text folder;
    private Text name;
    /** The name follows the input file until the user types one. */
    private boolean nameTyped;

    /** @param convert runs the importer on the chosen file; false when it refused (and has said why on this page) */
    VendorFilePage(VendorFormat format, IStructuredSelection selection, Predicate<Path> convert) {
        super("vendorFile");
        this.format = format;
        this.initialFolder = folderOf(selection);
        this.convert = convert;
        setTitle("Import " + format.label());
        setDescription("Choose the " + format.label() + " file and where the imported Orrery system goes.");
    }

    private static IContainer folderOf(IStructuredSelection selection) {
        Object first = selection == null ? null : selection.getFirstElement();
        IResource r = first == null ? null : Adapters.adapt(first, IResource.class);
        if (r == null) {
            return null;
        }
        return r instanceof IContainer c && r.getType() != IResource.ROOT ? c : r.getParent();
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);

        new Label(c, SWT.NONE).setText("&From file:");
        input = field(c, INPUT_HINT);
        button(c, "B&rowse...", this::browseInput);
        new Label(c, SWT.NONE).setText("&Into folder:");
        folder = field(c, FOLDER_HINT);
        button(c, "Br&owse...", this::browseFolder);
        new Label(c, SWT.NONE).setText("File &name:");
        name = field(c, NAME_HINT);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(name);

        if (initialFolder != null && initialFolder.getType() != IResource.ROOT) {
            folder.setText(initialFolder.getFullPath().toString());
        }
        input.addModifyListener(e -> {
            Path p = inputPath();
            if (!nameTyped && p != null && p.getFileName() != null) {
                String stem = p.getFileName().toString();
                int dot = stem.lastIndexOf('.');
                name.setText((dot > 0 ? stem.substring(0, dot) : stem) + ".orrery");
            }
            validate();
        });
        folder.addModifyListener(e -> validate());
        name.addModifyListener(e -> {
            if (name.isFocusControl()) {
                nameTyped = true;
            }
            validate();
        });
        setControl(c);
        validate();
        // No error before the user has typed anything: the description says what to do.
        setErrorMessage(null);
    }

    private static Text field(Composite c, String hint) {
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        t.setMessage(hint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        return t;
    }

    private static void button(Composite c, String text, Runnable action) {
        Button b = new Button(c, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void browseInput() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setText("Import " + format.label());
        d.setFilterExtensions(new String[] {"*.xml", "*"});
        String chosen = d.open();
        if (chosen != null) {
            input.setText(chosen);
        }
    }

    private void browseFolder() {
        ContainerSelectionDialog d = new ContainerSelectionDialog(getShell(), container(), false,
                "Choose the folder the imported system goes into:");
        if (d.open() == ContainerSelectionDialog.OK && d.getResult().length > 0) {
            folder.setText(((IPath) d.getResult()[0]).toString());
        }
    }

    /** The vendor file, or null while the field holds no usable path. */
    Path inputPath() {
        String s = input.getText().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Path.of(s).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The folder named (it may not exist yet: the import creates it), or null. */
    private IContainer container() {
        IPath p = IPath.fromPortableString(folder.getText().trim()).makeAbsolute();
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        if (p.segmentCount() == 0) {
            return null;
        }
        return p.segmentCount() == 1 ? root.getProject(p.segment(0)) : root.getFolder(p);
    }

    /** The file to write; valid once the page is complete. */
    IFile target() {
        return container().getFile(IPath.fromPortableString(name.getText().trim()));
    }

    private void validate() {
        setMessage(null);
        String error = check();
        setErrorMessage(error);
        setPageComplete(error == null);
        if (error == null && target().exists()) {
            setMessage(target().getFullPath() + " exists; Finish asks before replacing it.", WARNING);
        }
    }

    private String check() {
        Path in = inputPath();
        if (in == null) {
            return "Choose the " + format.label() + " file to import.";
        }
        if (!Files.isRegularFile(in)) {
            return "No such file: " + in;
        }
        if (folder.getText().isBlank()) {
            return "Choose the folder the system goes into.";
        }
        IStatus path = ResourcesPlugin.getWorkspace().validatePath(
                IPath.fromPortableString(folder.getText().trim()).makeAbsolute().toString(),
                IResource.PROJECT | IResource.FOLDER);
        if (!path.isOK()) {
            return "Folder: " + path.getMessage();
        }
        IProject project = container().getProject();
        if (!project.isOpen()) {
            return "Project '" + project.getName() + "' does not exist or is closed.";
        }
        String file = name.getText().trim();
        IStatus valid = ResourcesPlugin.getWorkspace().validateName(file, IResource.FILE);
        if (file.isEmpty()) {
            return "Enter the name of the .orrery file.";
        }
        if (!valid.isOK()) {
            return "File name: " + valid.getMessage();
        }
        if (!file.endsWith(".orrery")) {
            return "The file name must end in .orrery (Studio opens and builds only those as systems).";
        }
        return null;
    }

    /** Next only for a complete page; whether the import works is found out by pressing it (see getNextPage). */
    @Override
    public boolean canFlipToNextPage() {
        return isPageComplete();
    }

    /** Runs the importer; a refusal keeps the user on this page, with the refusal as its error. */
    @Override
    public IWizardPage getNextPage() {
        Path in = inputPath();
        if (in == null || !convert.test(in)) {
            return null;
        }
        return super.getNextPage();
    }
}

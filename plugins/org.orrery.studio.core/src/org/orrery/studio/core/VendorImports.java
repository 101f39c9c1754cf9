// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.orrery.dsl.ImportException;
import org.orrery.dsl.VendorFormat;
import org.orrery.dsl.VendorImport;
import org.orrery.dsl.ide.OrreryLanguage;

/**
 * The headless half of Studio's File › Import: runs the importer {@code orrery import}/{@code import-arinc} run
 * ({@link VendorFormat}) and puts its text into the workspace. Reading and writing are separate steps so the wizard
 * can show the importer's warnings before anything is written.
 */
public final class VendorImports {

    private VendorImports() {
    }

    /**
     * Converts {@code input}; writes nothing.
     *
     * @throws ImportException when the importer refuses the input (its line is in the exception)
     */
    public static VendorImport read(VendorFormat format, Path input) throws IOException, ImportException {
        return format.read(input, OrreryLanguage.compiler().keywords());
    }

    /**
     * Writes the imported system to {@code target}, creating the folders it lies in. An existing file is replaced
     * only when {@code replace} is true (the caller asked the user); otherwise it stays untouched and this fails.
     */
    public static void write(VendorImport imported, IFile target, boolean replace, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Writing " + target.getFullPath(), 2);
        if (target.exists() && !replace) {
            throw new CoreException(Status.error(target.getFullPath() + " exists already; it was not replaced."));
        }
        createFolders(target.getParent(), sub.split(1));
        var bytes = new ByteArrayInputStream(imported.text().getBytes(StandardCharsets.UTF_8));
        if (target.exists()) {
            // keep the history: a replaced import can be restored from Local History
            target.setContents(bytes, IResource.KEEP_HISTORY, sub.split(1));
        } else {
            target.create(bytes, false, sub.split(1));
            target.setCharset(StandardCharsets.UTF_8.name(), null);
        }
    }

    /** {@link #read} then {@link #write}: nothing is written when the importer refuses the input. */
    public static VendorImport run(VendorFormat format, Path input, IFile target, boolean replace,
            IProgressMonitor monitor) throws IOException, ImportException, CoreException {
        VendorImport imported = read(format, input);
        write(imported, target, replace, monitor);
        return imported;
    }

    private static void createFolders(IContainer c, IProgressMonitor monitor) throws CoreException {
        if (c.exists()) {
            return;
        }
        if (!(c instanceof IFolder folder)) {
            throw new CoreException(Status.error("Project " + c.getName() + " does not exist."));
        }
        createFolders(folder.getParent(), monitor);
        folder.create(false, true, monitor);
    }
}

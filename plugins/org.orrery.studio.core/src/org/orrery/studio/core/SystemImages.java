// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.QualifiedName;
import org.orrery.toolchain.BuildLayout;

/**
 * What the builder produced for a system file: it records the system's name on the file after each
 * successful image build, so launchers find {@code build/<system>.oimg} without compiling again.
 */
public final class SystemImages {

    /** Persistent property of a system file: the name its {@code system} header declares. */
    public static final QualifiedName SYSTEM_NAME = new QualifiedName(OrreryCore.PLUGIN_ID, "systemName");

    private SystemImages() {
    }

    /** The system name of the last good build of {@code systemFile}, or null if it never built. */
    public static String systemName(IFile systemFile) throws CoreException {
        return systemFile.exists() ? systemFile.getPersistentProperty(SYSTEM_NAME) : null;
    }

    /** {@code build/<system>.oimg} in the file's project, or null if the file never built. */
    public static IFile image(IFile systemFile) throws CoreException {
        String name = systemName(systemFile);
        return name == null ? null : systemFile.getProject().getFile(BuildLayout.BUILD_DIR + "/" + name + BuildLayout.IMAGE_EXTENSION);
    }

    /**
     * A class loader that finds the Orrery OS and toolchain modules' files by their manifests (what
     * {@link org.orrery.toolchain.ImageRun#toolModules} needs to start a board process from Studio).
     */
    public static ClassLoader orreryModules() {
        return org.orrery.studio.core.internal.OsModules.loader();
    }

    /** True when the file or what it imports has Orrery errors (the image on disk is then an older one). */
    public static boolean hasErrors(IResource resource) throws CoreException {
        return resource.findMaxProblemSeverity(OrreryCore.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE)
                >= IMarker.SEVERITY_ERROR;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.internal;

import java.util.Set;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.orrery.toolchain.BuildLayout;
import org.orrery.toolchain.Compile;

/** Decides from a resource delta whether anything a system is built from has changed. */
final class InputChanges {

    /** Changes that leave a file's content alone. */
    private static final int IRRELEVANT = IResourceDelta.MARKERS | IResourceDelta.SYNC;

    private InputChanges() {
    }

    static boolean isSystemFile(IPath projectRelative) {
        return projectRelative.lastSegment() != null
                && projectRelative.lastSegment().endsWith(Compile.ORRERY_EXTENSION);
    }

    /** True when a {@code .orrery} file or a file under an application folder was added, removed or edited. */
    static boolean affect(IResourceDelta delta, Set<IPath> applicationFolders) throws CoreException {
        boolean[] found = {false};
        delta.accept(d -> {
            if (found[0]) {
                return false;
            }
            IPath path = d.getResource().getProjectRelativePath();
            if (d.getResource().getType() == IResource.FOLDER && path.segmentCount() == 1
                    && path.segment(0).equals(BuildLayout.BUILD_DIR)) {
                return false; // the builder's own output
            }
            if (d.getResource().getType() != IResource.FILE) {
                return true;
            }
            boolean contentOrExistence = d.getKind() != IResourceDelta.CHANGED || (d.getFlags() & ~IRRELEVANT) != 0;
            if (contentOrExistence && (isSystemFile(path)
                    || applicationFolders.stream().anyMatch(folder -> folder.isPrefixOf(path)))) {
                found[0] = true;
            }
            return !found[0];
        });
        return found[0];
    }
}

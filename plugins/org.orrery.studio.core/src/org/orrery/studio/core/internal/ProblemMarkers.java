// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.CoreException;
import org.orrery.dsl.Diagnostic;
import org.orrery.studio.core.OrreryCore;
import org.orrery.toolchain.BuildDiagnostics;

/**
 * Turns compiler diagnostics and image-builder problems into Orrery problem markers. A file imported by two
 * systems is compiled twice; the same diagnostic is marked once.
 */
final class ProblemMarkers {

    private final IWorkspaceRoot root;
    private final Set<String> seen = new HashSet<>();

    ProblemMarkers(IWorkspaceRoot root) {
        this.root = root;
    }

    void diagnostic(Diagnostic d, IResource fallback) throws CoreException {
        IFile file = fileAt(d.file());
        IResource on = file != null ? file : fallback;
        String key = on.getFullPath() + ":" + d.line() + ":" + d.column() + ":" + d.code() + ":" + d.message();
        if (!seen.add(key)) {
            return;
        }
        int severity = switch (d.severity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
        create(on, severity, d.code(), d.message(), d.line(), d.column());
    }

    /**
     * An image-builder problem, in the same form as the command line prints it ({@link BuildDiagnostics}): an
     * application compile error on its source file when that file is in the workspace, anything else on the
     * system description.
     */
    void imageProblem(String problem, IResource systemFile) throws CoreException {
        diagnostic(BuildDiagnostics.of(problem, systemFile.getLocation().toPath()), systemFile);
    }

    private void create(IResource on, int severity, String code, String message, int line, int column)
            throws CoreException {
        IMarker marker = on.createMarker(OrreryCore.PROBLEM_MARKER);
        Map<String, Object> attrs = new HashMap<>();
        attrs.put(IMarker.SEVERITY, severity);
        attrs.put(IMarker.MESSAGE, message + " [" + code + "]");
        attrs.put(OrreryCore.RULE_CODE, code);
        if (line > 0) {
            attrs.put(IMarker.LINE_NUMBER, line);
            attrs.put(IMarker.LOCATION, "line " + line);
            if (on instanceof IFile f && column > 0) {
                int[] range = TextRanges.wordAt(f, line, column);
                if (range != null) {
                    attrs.put(IMarker.CHAR_START, range[0]);
                    attrs.put(IMarker.CHAR_END, range[1]);
                }
            }
        }
        marker.setAttributes(attrs);
    }

    private IFile fileAt(Path path) {
        if (path == null) {
            return null;
        }
        IFile[] files = root.findFilesForLocationURI(path.toAbsolutePath().normalize().toUri());
        List<IFile> existing = List.of(files).stream().filter(IFile::exists).toList();
        return existing.isEmpty() ? null : existing.get(0);
    }
}

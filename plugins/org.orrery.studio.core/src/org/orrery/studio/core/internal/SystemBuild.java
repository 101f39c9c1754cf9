// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.ide.OrreryLanguage;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.image.ImageBuildException;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.core.SystemImages;
import org.orrery.toolchain.Build;
import org.orrery.toolchain.BuildLayout;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;

/**
 * One build of a project: every {@code *.orrery} file is compiled; its diagnostics become markers; each
 * error-free file with a {@code system} header is generated into {@code build/<system>/} and built into the
 * signed image {@code build/<system>.oimg}. The steps are the toolchain's, exactly as {@code orrery build}
 * runs them, over the Studio session's one set-up of the language ({@link OrreryLanguage}).
 */
final class SystemBuild {

    private static final int WORK_PER_FILE = 10;

    private final IProject project;

    SystemBuild(IProject project) {
        this.project = project;
    }

    /** @return project-relative folders holding application sources: a change there needs a new image */
    Set<IPath> run(IProgressMonitor monitor) throws CoreException {
        List<IFile> files = orreryFiles();
        SubMonitor sub = SubMonitor.convert(monitor, "Building Orrery systems in " + project.getName(),
                files.size() * WORK_PER_FILE + 1);
        project.deleteMarkers(OrreryCore.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
        ProblemMarkers markers = new ProblemMarkers(project.getWorkspace().getRoot());
        Compile compile = Compile.with(OrreryLanguage.compiler());
        Set<IPath> inputs = new LinkedHashSet<>();
        for (IFile file : files) {
            if (sub.isCanceled()) {
                throw new OperationCanceledException();
            }
            sub.subTask("Validating " + file.getProjectRelativePath());
            Path path = file.getLocation().toPath();
            Compiled c = compile.check(path);
            for (Diagnostic d : c.diagnostics()) {
                markers.diagnostic(d, file);
            }
            sub.worked(2);
            if (c.hasErrors() || c.config().isEmpty()) {
                sub.worked(WORK_PER_FILE - 2); // a file without a system header is part of another system
                continue;
            }
            SystemConfig config = c.config().get();
            inputs.addAll(applicationFolders(file, config));
            buildOne(file, c, markers, sub.split(WORK_PER_FILE - 2));
        }
        IFolder out = project.getFolder(BuildLayout.BUILD_DIR);
        out.refreshLocal(IResource.DEPTH_INFINITE, sub.split(1));
        if (out.exists()) {
            out.setDerived(true, null);
        }
        return inputs;
    }

    private void buildOne(IFile file, Compiled compiled, ProblemMarkers markers, SubMonitor monitor)
            throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, 4);
        Path base = project.getLocation().toPath();
        SystemConfig config = compiled.config().orElseThrow();
        try {
            Build build = Build.of(compiled).signedWith(DevelopmentKeys.privateKey()).osModules(null, OsModules.loader());
            sub.subTask("Building image " + config.name() + BuildLayout.IMAGE_EXTENSION);
            build.generateTo(BuildLayout.defaultGenerated(base, config)).to(BuildLayout.defaultImage(base, config));
            file.setPersistentProperty(SystemImages.SYSTEM_NAME, config.name());
        } catch (ImageBuildException e) {
            for (String problem : e.problems()) {
                markers.imageProblem(problem, file);
            }
        } catch (IOException | ConfigException e) {
            markers.imageProblem("cannot build " + config.name() + ": " + e.getMessage(), file);
        }
        sub.worked(4);
    }

    private List<IPath> applicationFolders(IFile file, SystemConfig config) {
        List<IPath> folders = new ArrayList<>();
        IPath dir = file.getParent().getProjectRelativePath();
        for (PartitionConfig p : config.partitions()) {
            if (!p.sourcePath().isEmpty()) {
                folders.add(dir.append(p.sourcePath()));
            }
        }
        return folders;
    }

    private List<IFile> orreryFiles() throws CoreException {
        List<IFile> files = new ArrayList<>();
        project.accept(r -> {
            if (r.getType() == IResource.FOLDER && r.getParent() == project
                    && r.getName().equals(BuildLayout.BUILD_DIR)) {
                return false; // our own output
            }
            // Linked files outside the file system (no location) cannot be handed to the compiler.
            if (r instanceof IFile f && f.getLocation() != null
                    && InputChanges.isSystemFile(f.getProjectRelativePath())) {
                files.add(f);
            }
            return true;
        });
        return files;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.orrery.studio.core.OrreryCore;

/** Copies one of the repository's examples into the test workspace as an Orrery project. */
final class ExampleProject {

    private ExampleProject() {
    }

    static Path examples() {
        return Path.of(System.getProperty("orrery.examples", "../../examples")).toAbsolutePath().normalize();
    }

    static IProject create(String example, String projectName) throws IOException, CoreException {
        IWorkspace ws = ResourcesPlugin.getWorkspace();
        Path target = ws.getRoot().getLocation().toPath().resolve(projectName);
        Path source = examples().resolve(example);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.sorted().toList()) {
                Path rel = source.relativize(p);
                if (rel.toString().equals(".project") || rel.startsWith("build")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        IProject project = ws.getRoot().getProject(projectName);
        IProjectDescription d = ws.newProjectDescription(projectName);
        project.create(d, null);
        project.open(null);
        OrreryCore.addNature(project, null);
        return project;
    }
}

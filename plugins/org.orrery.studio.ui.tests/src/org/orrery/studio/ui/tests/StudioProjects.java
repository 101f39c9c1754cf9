// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.tests;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.core.SystemImages;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Widgets;

/** Orrery projects and what the builder made of them, for the workbench tests. */
final class StudioProjects {

    static final Duration BUILD_TIMEOUT = Duration.ofSeconds(90);

    private StudioProjects() {
    }

    /** A project holding {@code example}, built by the workspace's auto-build like a user's project. */
    static IProject fromExample(String example, String name) throws CoreException {
        IProject project = Projects.plain(name);
        Examples.copyTo(example, project, null);
        OrreryCore.addNature(project, null);
        return project;
    }

    /** Spins the event loop until the builder has produced the image of {@code system}. */
    static void awaitImage(IFile system) {
        Widgets.waitUntil(() -> {
            try {
                IFile image = SystemImages.image(system);
                return image != null && image.exists();
            } catch (CoreException e) {
                return false;
            }
        }, BUILD_TIMEOUT, "the Orrery builder to build the image of " + system.getFullPath());
    }

    static IMarker[] problems(IResource r) throws CoreException {
        return r.findMarkers(OrreryCore.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
    }

    /**
     * Expands every item of a (possibly lazy) tree the way a click would: the viewer fills children in its
     * Expand listener, so the event is sent before the item is opened.
     */
    static void expandAll(Tree tree) {
        for (TreeItem item : tree.getItems()) {
            expand(tree, item);
        }
    }

    private static void expand(Tree tree, TreeItem item) {
        Event e = new Event();
        e.item = item;
        tree.notifyListeners(SWT.Expand, e);
        item.setExpanded(true);
        Widgets.flushEvents();
        for (TreeItem child : item.getItems()) {
            expand(tree, child);
        }
    }

    static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The example systems shipped in this bundle (a build-time copy of the repository's {@code examples/}
 * folder): what there is, and copying one into a workspace project.
 */
public final class Examples {

    static final String ROOT = "examples/";
    /** Each example's {@code .project} names the example; the wizard's project gets its own description. */
    private static final String PROJECT_FILE = ".project";

    /** An example: its folder name and the title of its README (the folder name when it has none). */
    public record Example(String name, String title) {}

    private Examples() {
    }

    public static List<Example> all() {
        Bundle bundle = bundle();
        List<Example> found = new ArrayList<>();
        Enumeration<String> dirs = bundle.getEntryPaths(ROOT);
        if (dirs == null) {
            return List.of();
        }
        for (String dir : Collections.list(dirs)) {
            if (dir.endsWith("/") && bundle.getEntry(dir + "system.orrery") != null) {
                String name = dir.substring(ROOT.length(), dir.length() - 1);
                found.add(new Example(name, title(bundle.getEntry(dir + "README.md"), name)));
            }
        }
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return found;
    }

    /** Copies every file of example {@code name} (except its {@code .project}) into {@code target}. */
    public static void copyTo(String name, IContainer target, IProgressMonitor monitor) throws CoreException {
        Bundle bundle = bundle();
        String prefix = ROOT + name + "/";
        Enumeration<URL> entries = bundle.findEntries(prefix, "*", true);
        if (entries == null) {
            throw new CoreException(Status.error("No example named '" + name + "' in " + bundle.getSymbolicName()));
        }
        List<URL> files = Collections.list(entries).stream().filter(u -> !u.getPath().endsWith("/"))
                .sorted((a, b) -> a.getPath().compareTo(b.getPath())).toList();
        SubMonitor sub = SubMonitor.convert(monitor, "Copying example " + name, files.size());
        for (URL url : files) {
            String path = url.getPath();
            String rel = path.substring(path.indexOf(prefix) + prefix.length());
            if (rel.equals(PROJECT_FILE)) {
                sub.worked(1);
                continue;
            }
            IFile file = target.getFile(IPath.fromPortableString(rel));
            createParents(file.getParent(), sub);
            try (InputStream in = url.openStream()) {
                if (file.exists()) {
                    file.setContents(in, IResource.FORCE, sub.split(1));
                } else {
                    file.create(in, IResource.FORCE, sub.split(1));
                }
            } catch (IOException e) {
                throw new CoreException(Status.error("Cannot copy " + rel + " of example " + name, e));
            }
        }
    }

    private static void createParents(IContainer c, IProgressMonitor monitor) throws CoreException {
        if (c instanceof IFolder f && !f.exists()) {
            createParents(f.getParent(), monitor);
            f.create(true, true, null);
        }
    }

    private static String title(URL readme, String fallback) {
        if (readme == null) {
            return fallback;
        }
        try (InputStream in = readme.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# ")) {
                    return line.substring(2).trim();
                }
            }
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }

    private static Bundle bundle() {
        return FrameworkUtil.getBundle(Examples.class);
    }
}

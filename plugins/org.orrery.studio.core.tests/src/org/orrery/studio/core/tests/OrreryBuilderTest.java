// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.os.image.LoadedImage;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.core.SystemImages;

/** The Orrery builder in a real (headless) workspace, on the flight-control example. */
class OrreryBuilderTest {

    private static final String GOOD_WINDOW = "window maint at 40 ms duration 5 ms";
    /** Ends at 55 ms in a 50 ms major frame. */
    private static final String BROKEN_WINDOW = "window maint at 40 ms duration 15 ms";
    private static int projects;

    private IProject project;
    private IFile system;

    @BeforeAll
    static void buildOnlyWhenAsked() throws Exception {
        // Tests build explicitly, so what each build saw is known exactly.
        IWorkspaceDescription d = ResourcesPlugin.getWorkspace().getDescription();
        d.setAutoBuilding(false);
        ResourcesPlugin.getWorkspace().setDescription(d);
    }

    @BeforeEach
    void createProject() throws Exception {
        project = ExampleProject.create("flight-control", "fc-" + ++projects);
        system = project.getFile("system.orrery");
        assertTrue(OrreryCore.hasBuilder(project.getDescription()), "the nature installs the builder");
    }

    @AfterEach
    void deleteProject() throws Exception {
        project.delete(true, true, null);
    }

    @Test
    void buildsTheSignedImageAndTheGeneratedOutputs() throws Exception {
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        assertEquals(List.of(), problems(project));
        IFile image = SystemImages.image(system);
        assertEquals("build/flight_control.oimg", image.getProjectRelativePath().toString());
        assertTrue(image.exists(), "the image is in the workspace (refreshed)");
        assertTrue(image.getParent().isDerived(), "build output is derived");
        LoadedImage loaded = LoadedImage.load(image.getLocation().toPath(), DevelopmentKeys.publicKey(), 0);
        assertEquals("flight_control", loaded.config().name());
        assertEquals(5, loaded.applicationJars().size(), "all five partitions carry their application");
        assertTrue(project.getFile("build/flight_control/system.orcf").exists());
        assertTrue(project.getFile("build/flight_control/reports/schedule.txt").exists());
        assertTrue(project.getFolder("build/flight_control/constants").exists());
    }

    @Test
    void aBrokenWindowIsMarkedWithItsRuleAndLineAndFixingItRemovesTheMarker() throws Exception {
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        Path image = SystemImages.image(system).getLocation().toPath();
        byte[] good = Files.readAllBytes(image);

        String text = read(system);
        int line = lineOf(text, GOOD_WINDOW);
        write(system, text.replace(GOOD_WINDOW, BROKEN_WINDOW));
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

        List<IMarker> markers = problems(project);
        IMarker m = markers.stream().filter(x -> "window-beyond-frame".equals(x.getAttribute(OrreryCore.RULE_CODE, "")))
                .findFirst().orElseThrow(() -> new AssertionError("no window-beyond-frame marker in " + describe(markers)));
        assertEquals(system, m.getResource());
        assertEquals(line, m.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals(IMarker.SEVERITY_ERROR, m.getAttribute(IMarker.SEVERITY, -1));
        assertTrue(m.getAttribute(IMarker.MESSAGE, "").contains("[window-beyond-frame]"), m.getAttribute(IMarker.MESSAGE, ""));
        int start = m.getAttribute(IMarker.CHAR_START, -1);
        int end = m.getAttribute(IMarker.CHAR_END, -1);
        assertTrue(start >= 0 && end > start, "a character range: " + start + ".." + end);
        assertTrue(m.isSubtypeOf(IMarker.PROBLEM), "shown in the Problems view");
        assertTrue(SystemImages.hasErrors(project));
        assertTrue(Arrays.equals(good, Files.readAllBytes(image)), "a failed build keeps the last good image");

        write(system, text);
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(List.of(), problems(project));
        assertFalse(SystemImages.hasErrors(project));
    }

    @Test
    void rebuildsOnlyWhenAnInputChanged() throws Exception {
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        Path image = SystemImages.image(system).getLocation().toPath();
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(image, old);

        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(old, Files.getLastModifiedTime(image), "nothing changed: no build");

        IFile readme = project.getFile("README.md");
        write(readme, read(readme) + "\nA note that is not an input.\n");
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(old, Files.getLastModifiedTime(image), "a README edit does not rebuild the image");

        IFile app = applicationSource();
        write(app, read(app) + "\n// touched\n");
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertNotEquals(old, Files.getLastModifiedTime(image), "an application edit rebuilds the image");

        Files.setLastModifiedTime(image, old);
        write(system, read(system) + "\n// touched\n");
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertNotEquals(old, Files.getLastModifiedTime(image), "a system edit rebuilds the image");
    }

    @Test
    void anApplicationCompileErrorIsMarkedOnTheJavaFile() throws Exception {
        IFile app = applicationSource();
        String text = read(app);
        write(app, text + "\nclass Broken { int x = ; }\n");
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        List<IMarker> onApp = problems(app);
        assertFalse(onApp.isEmpty(), "the compile error is on the Java file: " + describe(problems(project)));
        assertEquals(OrreryCore.APP_COMPILE_CODE, onApp.get(0).getAttribute(OrreryCore.RULE_CODE, ""));
        assertTrue(onApp.get(0).getAttribute(IMarker.MESSAGE, "").endsWith("[app-compile]"),
                onApp.get(0).getAttribute(IMarker.MESSAGE, ""));
        assertEquals(lineOf(read(app), "class Broken"), onApp.get(0).getAttribute(IMarker.LINE_NUMBER, -1));
        assertFalse(SystemImages.image(system) != null && SystemImages.image(system).exists(),
                "no image from a broken application");
    }

    @Test
    void everyExampleBuildsWithoutProblems() throws Exception {
        List<String> examples;
        try (var dirs = Files.list(ExampleProject.examples())) {
            examples = dirs.filter(d -> Files.exists(d.resolve("system.orrery"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        }
        assertTrue(examples.size() >= 4, "examples found: " + examples);
        for (String example : examples) {
            IProject p = ExampleProject.create(example, "example-" + example);
            try {
                p.build(IncrementalProjectBuilder.FULL_BUILD, null);
                assertEquals("[]", describe(problems(p)), example);
                IFile image = SystemImages.image(p.getFile("system.orrery"));
                assertTrue(image != null && image.exists(), example + " has its image");
                LoadedImage loaded = LoadedImage.load(image.getLocation().toPath(), DevelopmentKeys.publicKey(), 0);
                assertEquals(loaded.config().partitions().size(), loaded.applicationJars().size(),
                        example + ": every partition carries its application");
            } finally {
                p.delete(true, true, null);
            }
        }
    }

    private IFile applicationSource() throws Exception {
        IFile[] found = new IFile[1];
        project.getFolder("apps/fcs").accept(r -> {
            if (found[0] == null && r instanceof IFile f && "java".equals(f.getFileExtension())) {
                found[0] = f;
            }
            return found[0] == null;
        });
        return found[0];
    }

    private static List<IMarker> problems(IResource r) throws Exception {
        return List.of(r.findMarkers(OrreryCore.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE));
    }

    private static String describe(List<IMarker> markers) {
        return markers.stream().map(m -> m.getResource().getName() + ":" + m.getAttribute(IMarker.LINE_NUMBER, -1)
                + " " + m.getAttribute(IMarker.MESSAGE, "")).collect(Collectors.joining("; ", "[", "]"));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(IFile f) throws Exception {
        try (var in = f.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(IFile f, String text) throws Exception {
        f.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.SystemConfig;

class ImageBuilderTest {

    private static final KeyPair KEYS = SigningKeys.generate();

    @TempDir
    Path tmp;

    private BuildRequest request(SystemConfig config) {
        return new BuildRequest(config, tmp, Map.of(), TestSystems.MODULES, 5, KEYS.getPrivate());
    }

    @Test
    void buildsAVerifiableImageWithConfigAppsAndOsModules() throws Exception {
        TestSystems.writeSources(tmp);
        SystemConfig config = TestSystems.twoPartitions("apps/alpha", "apps/beta");
        BuildResult r = ImageBuilder.build(request(config));
        Image img = ImageVerifier.verify(r.bytes(), "demo.oimg", KEYS.getPublic(), 5);
        assertEquals(config, ConfigReader.read(img.config()));
        assertEquals(List.of("alpha", "beta"), img.applicationPartitions());
        assertEquals(TestSystems.MODULES, img.kernelModules());
        assertEquals(List.of("demo/alpha/Alpha.class", "demo/alpha/Helper.class"),
                List.copyOf(jarEntries(img.applicationJar("alpha")).keySet()));
        var mf = new JarInputStream(new ByteArrayInputStream(img.applicationJar("beta"))).getManifest();
        assertEquals("demo.beta.Beta", mf.getMainAttributes().getValue("Orrery-Entry-Class"));
        Map<String, byte[]> api = jarEntries(img.contents().get("kernel/org.orrery.os.api.jar"));
        assertTrue(api.containsKey("org/orrery/os/api/ErrorCode.class"), api.keySet().toString());
        assertTrue(r.osClassBytes() > 0 && r.osJarBytes() > 0);
        assertEquals(r.osJarBytes(), img.kernelBytes());
        // The budgeted figure counts the kernel and the API only (this test image has no kernel module).
        assertEquals(r.jarBytes().get("org.orrery.os.api"), r.kernelAndApiJarBytes());
        assertEquals(r.classBytes().get("org.orrery.os.api"), r.kernelAndApiClassBytes());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void twoBuildsGiveIdenticalBytes() throws Exception {
        TestSystems.writeSources(tmp);
        SystemConfig config = TestSystems.twoPartitions("apps/alpha", "apps/beta");
        byte[] first = ImageBuilder.build(request(config)).bytes();
        // Touch the sources: file times must not leak into the image.
        for (Path p : List.of(tmp.resolve("apps/alpha/demo/alpha/Alpha.java"), tmp.resolve("apps/beta/demo/beta/Beta.java"))) {
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        byte[] second = ImageBuilder.build(request(config)).bytes();
        assertArrayEquals(first, second);
    }

    @Test
    void compileErrorsAreReportedAsFileLineColumnAndNoImageIsWritten() throws Exception {
        TestSystems.writeSources(tmp);
        Path out = tmp.resolve("out/demo.oimg");
        SystemConfig config = TestSystems.twoPartitions("apps/alpha", "apps/beta");
        ImageBuilder.buildTo(request(config), out);
        byte[] good = Files.readAllBytes(out);

        TestSystems.write(tmp.resolve("apps/beta/demo/beta/Beta.java"), """
                package demo.beta;

                public class Beta {
                    int broken() {
                        return "text";
                    }
                }
                """);
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> ImageBuilder.buildTo(request(config), out));
        String beta = tmp.resolve("apps/beta").toString();
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(beta + "/demo/beta/Beta.java:5:16: error: incompatible types"),
                e.problems().get(0));
        assertArrayEquals(good, Files.readAllBytes(out), "a failed build leaves the previous image untouched");
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void failedFirstBuildWritesNothing() throws Exception {
        TestSystems.write(tmp.resolve("apps/alpha/demo/alpha/Alpha.java"), "package demo.alpha; class Alpha { x }");
        TestSystems.write(tmp.resolve("apps/beta/demo/beta/Beta.java"), "package demo.beta; public class Beta {}");
        Path out = tmp.resolve("demo.oimg");
        ImageBuildException e = assertThrows(ImageBuildException.class,
                () -> ImageBuilder.buildTo(request(TestSystems.twoPartitions("apps/alpha", "apps/beta")), out));
        assertTrue(e.problems().get(0).contains("Alpha.java:1:36: error: <identifier> expected"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void badConfigurationNeverYieldsAnImage() throws Exception {
        TestSystems.writeSources(tmp);
        SystemConfig good = TestSystems.twoPartitions("apps/alpha", "apps/beta");
        // A window longer than its major frame: the canonical writer refuses it, so must the builder.
        SystemConfig bad = new SystemConfig(good.name(), good.board(), good.memoryRegions(), good.partitions(),
                good.channels(), List.of(new org.orrery.os.config.PlanConfig("main", good.plans().get(0).frames(),
                        List.of(new org.orrery.os.config.WindowConfig(0, 0, 30 * TestSystems.MS, "alpha")))),
                good.initialPlan(), good.planSwitchRules(), good.hmTables(), good.services(), good.vms());
        Path out = tmp.resolve("demo.oimg");
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> ImageBuilder.buildTo(request(bad), out));
        assertTrue(e.problems().stream().allMatch(p -> p.startsWith("configuration: plans[main]")), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingSourcesEntryClassAndModulesAreNamed() throws Exception {
        TestSystems.writeSources(tmp);
        SystemConfig config = TestSystems.twoPartitions("apps/nowhere", "apps/alpha");
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> ImageBuilder.build(
                new BuildRequest(config, tmp, Map.of(), List.of("org.orrery.os.api", "org.orrery.os.nosuch"), 0, null)));
        assertEquals(List.of(
                "OS module org.orrery.os.nosuch is not on the class path of this tool (build it, or run the tool from a"
                        + " complete distribution)",
                "configuration: partitions[alpha].sourcePath: " + tmp.resolve("apps/nowhere")
                        + " does not exist",
                "configuration: partitions[beta].entryClass: class demo.beta.Beta is not defined in "
                        + tmp.resolve("apps/alpha")), e.problems());
    }

    @Test
    void generatedSourcesAreCompiledWithTheApplication() throws Exception {
        TestSystems.writeSources(tmp);
        TestSystems.write(tmp.resolve("apps/beta/demo/beta/Beta.java"), """
                package demo.beta;

                public class Beta {
                    long port() {
                        return demo.beta.gen.Ports.ATTITUDE;
                    }
                }
                """);
        var generated = new TreeMap<String, String>(Map.of("demo/beta/gen/Ports.java",
                "package demo.beta.gen; public final class Ports { public static final long ATTITUDE = 3; }"));
        BuildResult r = ImageBuilder.build(new BuildRequest(TestSystems.twoPartitions("apps/alpha", "apps/beta"), tmp,
                Map.of("beta", generated), TestSystems.MODULES, 0, KEYS.getPrivate()));
        Image img = ImageVerifier.verify(r.bytes(), "x", KEYS.getPublic(), 0);
        assertTrue(jarEntries(img.applicationJar("beta")).containsKey("demo/beta/gen/Ports.class"));
    }

    @Test
    void partitionWithoutSourcesIsAWarningNotAnError() throws Exception {
        TestSystems.writeSources(tmp);
        BuildResult r = ImageBuilder.build(request(TestSystems.twoPartitions("apps/alpha", "")));
        assertEquals(List.of("partition beta has no application sources; it carries no application jar"), r.warnings());
    }

    @Test
    void unsignedBuildsAreLoadableOnlyAsUnsigned() throws Exception {
        TestSystems.writeSources(tmp);
        SystemConfig config = TestSystems.twoPartitions("apps/alpha", "apps/beta");
        BuildResult r = ImageBuilder.build(new BuildRequest(config, tmp, Map.of(), TestSystems.MODULES, 0, null));
        ImageException e = assertThrows(ImageException.class, () -> ImageVerifier.verify(r.bytes(), "u.oimg",
                KEYS.getPublic(), 0));
        assertEquals(ImageException.Reason.UNSIGNED, e.reason());
    }

    static Map<String, byte[]> jarEntries(byte[] jar) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void relativeSourceRootsAreReportedAsGiven() throws Exception {
        TestSystems.write(tmp.resolve("apps/alpha/demo/alpha/Alpha.java"), "package demo.alpha;\nclass Alpha { int x = y; }\n");
        TestSystems.write(tmp.resolve("apps/beta/demo/beta/Beta.java"), "package demo.beta; public class Beta {}");
        Path relative = Path.of("").toAbsolutePath().relativize(tmp);
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> ImageBuilder.build(new BuildRequest(
                TestSystems.twoPartitions("apps/alpha", "apps/beta"), relative, Map.of(), TestSystems.MODULES, 0, null)));
        assertEquals(relative.resolve("apps/alpha") + "/demo/alpha/Alpha.java:2:23: error: cannot find symbol: variable y "
                + "(location: class demo.alpha.Alpha)",
                e.problems().get(0));
    }
}

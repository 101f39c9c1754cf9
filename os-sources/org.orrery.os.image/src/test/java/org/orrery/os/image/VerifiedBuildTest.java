// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.image.internal.AppCompiler;

/** The image builder verifies every application before it writes anything. */
class VerifiedBuildTest {

    private static final KeyPair KEYS = SigningKeys.generate();

    @TempDir
    Path tmp;

    private BuildRequest request(SystemConfig config) {
        return new BuildRequest(config, tmp, Map.of(), TestSystems.MODULES, 1, KEYS.getPrivate());
    }

    @Test
    void aRefusedApplicationWritesNoImageAndKeepsTheExistingOne() throws Exception {
        TestSystems.writeSources(tmp);
        SystemConfig config = TestSystems.twoPartitions("apps/alpha", "apps/beta");
        Path out = tmp.resolve("out/demo.oimg");
        ImageBuilder.buildTo(request(config), out);
        byte[] good = Files.readAllBytes(out);

        TestSystems.write(tmp.resolve("apps/beta/demo/beta/Beta.java"), """
                package demo.beta;

                public class Beta {
                    public String name() {
                        System.exit(3);
                        return "beta";
                    }
                }
                """);
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> ImageBuilder.buildTo(request(config), out));
        assertEquals(List.of(tmp.resolve("apps/beta") + "/demo/beta/Beta.java:demo.beta.Beta:name: error[process-exit]: "
                + "java.lang.System.exit would end the whole board, not just this partition; use "
                + "Partition.setMode(PartitionMode.IDLE) or Partition.raiseError and let the health monitor act"),
                e.problems());
        assertArrayEquals(good, Files.readAllBytes(out), "a refused build leaves the previous image untouched");
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary files are left behind");
        }
        Path fresh = tmp.resolve("fresh/demo.oimg");
        assertThrows(ImageBuildException.class, () -> ImageBuilder.buildTo(request(config), fresh));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void allFindingsOfAllPartitionsAreReportedSorted() throws Exception {
        TestSystems.write(tmp.resolve("apps/alpha/demo/alpha/Alpha.java"), """
                package demo.alpha;

                public class Alpha {
                    long now() { return System.nanoTime(); }
                    void say() { System.out.println("alpha"); }
                }
                """);
        TestSystems.write(tmp.resolve("apps/beta/demo/beta/Beta.java"), """
                package demo.beta;

                public class Beta {
                    void spawn() { new Thread(() -> { }).start(); }
                }
                """);
        ImageBuildException e = assertThrows(ImageBuildException.class,
                () -> ImageBuilder.build(request(TestSystems.twoPartitions("apps/alpha", "apps/beta"))));
        List<String> where = e.problems().stream().map(p -> p.substring(tmp.toString().length() + 1,
                p.indexOf("]") + 1)).toList();
        assertEquals(List.of(
                "apps/alpha/demo/alpha/Alpha.java:demo.alpha.Alpha:now: error[host-clock]",
                "apps/alpha/demo/alpha/Alpha.java:demo.alpha.Alpha:say: error[system-state]",
                "apps/beta/demo/beta/Beta.java:demo.beta.Beta:spawn: error[thread]",
                "apps/beta/demo/beta/Beta.java:demo.beta.Beta:spawn: error[thread]",
                "apps/beta/demo/beta/Beta.java:demo.beta.Beta:spawn: error[thread]"), where, e.getMessage());
    }

    @Test
    void aPrebuiltApplicationJarIsVerifiedToo() throws Exception {
        TestSystems.writeSources(tmp);
        Path src = tmp.resolve("prebuilt");
        TestSystems.write(src.resolve("demo/beta/Beta.java"), """
                package demo.beta;

                public class Beta {
                    String secret() throws Exception {
                        return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd"));
                    }
                }
                """);
        AppCompiler.Result compiled = AppCompiler.compile(src, "prebuilt", new java.util.TreeMap<>(), List.of());
        assertTrue(compiled.ok(), compiled.errors().toString());
        Path jar = tmp.resolve("apps/beta.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os)) {
            for (var c : compiled.classes().entrySet()) {
                j.putNextEntry(new JarEntry(c.getKey()));
                j.write(c.getValue());
            }
        }
        ImageBuildException e = assertThrows(ImageBuildException.class,
                () -> ImageBuilder.build(request(TestSystems.twoPartitions("apps/alpha", "apps/beta.jar"))));
        assertFalse(e.problems().isEmpty());
        for (String p : e.problems()) {
            assertTrue(p.startsWith(jar + "!/demo/beta/Beta.class:demo.beta.Beta:secret: error[file-system]: "), p);
        }
    }
}

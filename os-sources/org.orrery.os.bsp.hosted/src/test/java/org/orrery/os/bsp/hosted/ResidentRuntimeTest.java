// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.sim.process.RuntimeCache;

/**
 * The OS modules a partition JVM with a kernel of its own runs come with an AOT cache of its start, made once by a
 * training {@code ResidentMain} and mapped by a JVM started with a partition's options (this suite runs the modules
 * from folders of classes: they go into the cache as jars, the same classes as the same bytes).
 */
class ResidentRuntimeTest {
    private static final String FOLDER = "orrery.partition.cache";

    @TempDir
    Path tmp;
    private String before;

    @BeforeEach
    void privateCacheFolder() {
        before = System.setProperty(FOLDER, tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(FOLDER);
        } else {
            System.setProperty(FOLDER, before);
        }
    }

    @Test
    void theCacheIsMadeOnceAndAPartitionJvmMapsItWhenItMust() throws Exception {
        assumeTrue(RuntimeCache.supported(), "the AOT cache needs JDK 25; this is " + Runtime.version());
        Path dir = Files.createDirectory(tmp.resolve("board"));
        ResidentRuntime.Command command = (extra, cp, main) -> OwnKernelBoard.jvm(extra, dir, cp, main);

        ResidentRuntime first = ResidentRuntime.open(command, false);

        assertTrue(first.shareOption().startsWith("-XX:AOTCache="), first.note());
        assertTrue(first.note().startsWith("partition JVMs start from the AOT cache "), first.note());
        Path aot = Path.of(first.shareOption().substring("-XX:AOTCache=".length()));
        FileTime made = Files.getLastModifiedTime(aot);
        ResidentRuntime second = ResidentRuntime.open(command, false);
        assertEquals(first.classPath(), second.classPath(), "the same modules, the same jars");
        assertEquals(first.shareOption(), second.shareOption());
        assertEquals(made, Files.getLastModifiedTime(aot), "made once");

        // AOTMode=on: the JVM refuses to start unless it maps the cache; ResidentMain without arguments then says how
        // it is called and ends with 2
        List<String> cmd = new ArrayList<>(OwnKernelBoard.jvm(List.of("-Xmx8m", "-XX:AOTMode=on",
                second.shareOption()), dir, second.classPath(), List.of()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("usage: ResidentMain"), out);
    }
}

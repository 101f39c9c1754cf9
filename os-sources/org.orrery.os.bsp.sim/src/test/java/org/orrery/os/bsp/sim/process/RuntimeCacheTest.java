// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partition runtime's cache folder: one owner-only folder per runtime content, jars checked against the image's
 * bytes at every use, unused folders and the files of killed trainings removed, a folder others may write refused, a
 * failed training named, and a training JVM whose cache a JVM started with {@code -XX:AOTMode=on} (fails unless the
 * cache maps) accepts.
 */
class RuntimeCacheTest {
    private static final List<String> ORDER = PartitionProcesses.RUNTIME_MODULES;

    @TempDir
    Path tmp;
    private Path base;

    @BeforeEach
    void folder() {
        base = tmp.resolve("cache");
        System.setProperty(RuntimeCache.FOLDER_PROPERTY, base.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(RuntimeCache.FOLDER_PROPERTY);
    }

    @Test
    void theJarsGoToAnOwnerOnlyFolderPerContentAndAreFoundThereAgain() throws Exception {
        Map<String, byte[]> runtime = TestJars.runtime();
        StringBuilder why = new StringBuilder();
        RuntimeCache first = RuntimeCache.open(runtime, ORDER, why);
        assertNotNull(first, why.toString());
        RuntimeCache again = RuntimeCache.open(runtime, ORDER, why);
        assertEquals(first.classPath(), again.classPath());
        Path dir = Path.of(first.classPath().split(":")[0]).getParent();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)));
        for (String jar : first.classPath().split(":")) {
            assertFalse(Files.getPosixFilePermissions(Path.of(jar)).toString().contains("OTHERS"), jar);
        }
        assertArrayEquals(runtime.get(ORDER.get(1)), Files.readAllBytes(Path.of(first.classPath().split(":")[1])));

        Map<String, byte[]> other = new HashMap<>(runtime);
        other.put(ORDER.get(0), TestJars.jarOf(RuntimeCacheTest.class, "org/orrery/os/bsp/sim/process/RuntimeCache"));
        RuntimeCache otherRuntime = RuntimeCache.open(other, ORDER, why);
        assertNotEquals(first.classPath(), otherRuntime.classPath(), "another runtime's jars never share a folder");
        assertEquals("", why.toString());
    }

    /**
     * For partition JVMs that run as other users: the same folders, readable by all (whatever the umask), still written
     * by this user alone; an owner-only folder of an earlier board is opened up, an others-writable one still refused.
     */
    @Test
    void aCacheForOtherUsersIsReadableByAllAndWrittenByThisUserAlone() throws Exception {
        Map<String, byte[]> runtime = TestJars.runtime();
        // as a board whose partitions run as its own user left it
        RuntimeCache owned = RuntimeCache.open(runtime, ORDER, new StringBuilder());
        Path aot = Path.of(owned.classPath().split(":")[0]).resolveSibling("runtime.aot");
        Files.writeString(aot, "a cache made for that board");
        Files.setPosixFilePermissions(aot, PosixFilePermissions.fromString("rw-------"));
        StringBuilder why = new StringBuilder();
        RuntimeCache cache = RuntimeCache.openReadable(runtime, ORDER, why);
        assertNotNull(cache, why.toString());
        Path dir = Path.of(cache.classPath().split(":")[0]).getParent();
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        for (String jar : cache.classPath().split(":")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(jar))), jar);
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(aot)));

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        StringBuilder refused = new StringBuilder();
        assertNull(RuntimeCache.openReadable(runtime, ORDER, refused));
        assertEquals("no partition runtime cache: " + dir + " may be written by other users", refused.toString());
    }

    @Test
    void aJarChangedInTheFolderIsWrittenAgainAndTheCacheMadeForItGoes() throws Exception {
        Map<String, byte[]> runtime = TestJars.runtime();
        StringBuilder why = new StringBuilder();
        RuntimeCache cache = RuntimeCache.open(runtime, ORDER, why);
        Path api = Path.of(cache.classPath().split(":")[0]);
        Path aot = api.resolveSibling("runtime.aot");
        Files.writeString(aot, "made for the jars as they were");
        Files.writeString(api, "not the image's API");

        RuntimeCache again = RuntimeCache.open(runtime, ORDER, why);

        assertEquals(cache.classPath(), again.classPath());
        assertArrayEquals(runtime.get(ORDER.get(0)), Files.readAllBytes(api), "the image's bytes, not the folder's");
        assertFalse(Files.exists(aot), "a cache of other jars is not offered to partition JVMs");
        assertNull(again.aotCache());
    }

    @Test
    void aJarRemovedDuringARunIsBackBeforeTheNextPartitionJvmStarts() throws Exception {
        Map<String, byte[]> runtime = TestJars.runtime();
        RuntimeCache cache = RuntimeCache.open(runtime, ORDER, new StringBuilder());
        Path partition = Path.of(cache.classPath().split(":")[1]);
        Files.delete(partition);

        cache.refresh();

        assertArrayEquals(runtime.get(ORDER.get(1)), Files.readAllBytes(partition));
    }

    @Test
    void foldersUnusedForAWeekGoWhenAnotherRuntimeMakesItsOwnAndRecentOnesStay() throws Exception {
        Files.createDirectories(base);
        Path old = Files.createDirectory(base.resolve("old"));
        Files.writeString(old.resolve("org.orrery.os.api.jar"), "an earlier build's");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Path recent = Files.createDirectory(base.resolve("recent"));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(6))));

        RuntimeCache.open(TestJars.runtime(), ORDER, new StringBuilder());

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
    }

    @Test
    void aFolderOtherUsersMayWriteIsNotUsedAndTheReasonSaysSo() throws Exception {
        Files.createDirectories(base);
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        StringBuilder why = new StringBuilder();

        assertNull(RuntimeCache.open(TestJars.runtime(), ORDER, why));
        assertEquals("no partition runtime cache: " + base + " may be written by other users", why.toString());
    }

    @Test
    void filesOfATrainingWhoseBoardProcessIsGoneAreRemovedByTheNextOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Files.createDirectories(tmp);
        Path dead = Files.writeString(tmp.resolve("training-" + gone.pid() + ".aot"), "half a cache");
        Path alive = Files.writeString(tmp.resolve("training-" + ProcessHandle.current().pid() + ".jar"), "");
        Path jar = Files.writeString(tmp.resolve("org.orrery.os.api.jar"), "");

        AotTraining.removeStale(tmp);

        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(alive), "a running board's training goes on");
        assertTrue(Files.exists(jar));
    }

    @Test
    void aTrainingJvmThatEndsWithoutItsHelloLeavesNoCacheAndTheReasonNamesItsLog() throws Exception {
        assumeTrue(RuntimeCache.supported(), "the AOT cache needs JDK 25; this is " + Runtime.version());
        StringBuilder why = new StringBuilder();
        RuntimeCache cache = RuntimeCache.open(TestJars.runtime(), ORDER, why);

        assertNull(cache.train((extra, cp, socket, app) -> List.of("false"), why));

        Path dir = Path.of(cache.classPath().split(":")[0]).getParent();
        assertEquals("no AOT cache for partition JVMs: the training JVM did not connect (see "
                + dir.resolve("training.log") + ")", why.toString());
        assertNull(cache.aotCache());
        assertTrue(cache.note().contains("without an AOT cache (not made)"), cache.note());
    }

    @Test
    void theTrainingJvmMakesACacheThatAPartitionJvmMapsWhenItMust() throws Exception {
        assumeTrue(RuntimeCache.supported(), "the AOT cache needs JDK 25; this is " + Runtime.version());
        StringBuilder why = new StringBuilder();
        RuntimeCache cache = RuntimeCache.open(TestJars.runtime(), ORDER, why);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> options = List.of("-Xms4m", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData");
        AotTraining.Command trainer = (extra, cp, socket, app) -> {
            List<String> cmd = new ArrayList<>(List.of(java));
            cmd.addAll(options);
            cmd.addAll(extra);
            cmd.addAll(List.of("-cp", cp, "org.orrery.os.partition.PartitionMain", socket.toString(), "training",
                    app.toString()));
            return cmd;
        };

        Path aot = cache.train(trainer, why);

        assertNotNull(aot, why.toString());
        assertEquals(aot, cache.aotCache());
        assertTrue(cache.note().contains("from the AOT cache " + aot), cache.note());
        try (var files = Files.list(aot.getParent())) {
            assertEquals(List.of("org.orrery.os.api.jar", "org.orrery.os.partition.jar", "runtime.aot"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "the training leaves nothing else");
        }
        // AOTMode=on: the JVM refuses to start unless it maps the cache for this class path
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(options);
        cmd.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + aot, "-cp", cache.classPath(), "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(aot, cache.train(trainer, why), "made once");
    }
}

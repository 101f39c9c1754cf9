// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFolderTest {

    @TempDir
    Path dir;

    private static Map<String, byte[]> files(String... paths) {
        Map<String, byte[]> m = new TreeMap<>();
        for (String p : paths) {
            m.put(p, p.getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void writesWhatBelongsAndRemovesOnlyWhatItWroteBefore() throws Exception {
        GeneratedFolder.write(files("system.orcf", "reports/gantt-a.svg", "constants/x/y/XConfig.java"), dir);
        Files.writeString(dir.resolve("reports/notes.txt"), "mine");
        Files.writeString(dir.resolve("README"), "mine too");

        var r = GeneratedFolder.write(files("system.orcf", "reports/gantt-b.svg"), dir);

        assertEquals(List.of(dir.resolve("reports/gantt-b.svg"), dir.resolve("system.orcf")), r.written());
        assertEquals(List.of(dir.resolve("constants/x/y/XConfig.java"), dir.resolve("reports/gantt-a.svg")),
                r.removed());
        assertFalse(Files.exists(dir.resolve("reports/gantt-a.svg")));
        assertFalse(Files.exists(dir.resolve("constants")), "folders left empty by the removal go too");
        assertEquals("mine", Files.readString(dir.resolve("reports/notes.txt")));
        assertEquals("mine too", Files.readString(dir.resolve("README")));
        assertTrue(Files.readString(dir.resolve(GeneratedFolder.MANIFEST)).endsWith("reports/gantt-b.svg\nsystem.orcf\n"));
    }

    @Test
    void aFolderWithoutManifestLosesNothing() throws Exception {
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(dir.resolve("reports/old.svg"), "written by someone else");
        var r = GeneratedFolder.write(files("reports/new.svg"), dir);
        assertEquals(List.of(), r.removed());
        assertTrue(Files.exists(dir.resolve("reports/old.svg")));
    }

    @Test
    void aManifestNamingFilesOutsideTheFolderDeletesNothingThere() throws Exception {
        Path outside = dir.resolveSibling(dir.getFileName() + "-outside.txt");
        Files.writeString(outside, "keep");
        try {
            Path out = dir.resolve("out");
            Files.createDirectories(out);
            Files.writeString(out.resolve(GeneratedFolder.MANIFEST), "../../" + outside.getFileName() + "\n/etc/hostname\n");
            assertEquals(List.of(), GeneratedFolder.write(files("a"), out).removed());
            assertTrue(Files.exists(outside));
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    /** The good configuration an earlier generation wrote. */
    private static final byte[] GOOD = "the configuration of a good generation".getBytes(StandardCharsets.UTF_8);

    /**
     * A generation whose write fails half-way through a file (a file size limit in a child JVM, failing the write as
     * a full disk does) leaves the file an earlier generation wrote as it was, and no temporary file beside it.
     */
    @Test
    void aWriteThatFailsHalfWayLeavesTheEarlierFileAsItWasAndNoTemporaryFile() throws Exception {
        GeneratedFolder.write(Map.of("system.orcf", GOOD, "reports/summary.txt", GOOD), dir);
        // bash's ulimit -f counts KiB; the JVM ignores SIGXFSZ, so a write beyond the limit fails with EFBIG
        List<String> command = List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "limited",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), HalfWay.class.getName(), dir.toString());
        Path log = Files.createTempFile("generated-folder", ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
            String output = Files.readString(log);
            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("File too large"), output);
        } finally {
            Files.delete(log);
        }
        assertArrayEquals(GOOD, Files.readAllBytes(dir.resolve("system.orcf")), "the good file was replaced");
        try (var all = Files.walk(dir)) {
            assertEquals(List.of(GeneratedFolder.MANIFEST, "reports", "reports/summary.txt", "system.orcf"),
                    all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList(),
                    "nothing left beside the generated files");
        }
    }

    /** In the file-size-limited child: a generation whose configuration is larger than the limit. */
    static final class HalfWay {
        public static void main(String[] args) throws IOException {
            byte[] large = new byte[256 * 1024];
            Arrays.fill(large, (byte) 'x');
            try {
                GeneratedFolder.write(Map.of("system.orcf", large, "reports/summary.txt", GOOD), Path.of(args[0]));
            } catch (IOException e) {
                System.out.println("failed as expected: " + e.getMessage());
                return;
            }
            System.out.println("the generation was written although it exceeds the file size limit");
            System.exit(1);
        }
    }
}

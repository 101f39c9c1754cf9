// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared-memory folders of boards whose kernel was killed are removed by the next board, and only those. */
class StaleBoardFoldersTest {

    private static Path board(Path parent, String name, String file) throws Exception {
        Path dir = Files.createDirectory(parent.resolve("orrery-" + name));
        Files.writeString(dir.resolve(file), "x");
        return dir;
    }

    @Test
    void foldersOfDeadKernelsGoThoseOfLiveOnesAndForeignFilesStay() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        long live = ProcessHandle.current().pid();
        Path parent = Files.createTempDirectory(Path.of("/dev/shm"), "orrery-test-stale-");
        try {
            Path gone = board(parent, "b-" + dead + "-1", "ch.sampling.shm");
            Path running = board(parent, "b-" + live + "-1", "ch.sampling.shm");
            Path foreign = board(parent, "b-" + dead + "-2", "notes.txt");
            Path otherPrefix = board(parent, "x-" + dead + "-1", "ch.sampling.shm");
            ShmFolder.removeStaleBoards(parent, "b-");
            assertFalse(Files.exists(gone), "a dead kernel's folder stayed");
            assertTrue(Files.exists(running.resolve("ch.sampling.shm")), "a running board's folder was removed");
            assertTrue(Files.exists(foreign.resolve("notes.txt")), "a folder with other files was touched");
            assertTrue(Files.exists(otherPrefix), "a folder of other boards was touched");
        } finally {
            try (var all = Files.walk(parent)) {
                for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}

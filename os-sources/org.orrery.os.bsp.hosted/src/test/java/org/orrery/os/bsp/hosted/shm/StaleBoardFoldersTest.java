// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

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
    void aDeadBoardsFolderThatAnotherUserOwnsIsNeverEmptied() throws Exception {
        // Another user could swap their folder for a link to any folder while a board run as root empties it.
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder to another user");
        UserPrincipal nobody = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path parent = Files.createTempDirectory(Path.of("/dev/shm"), "orrery-test-stale-");
        try {
            String name = "b-" + p.pid() + "-1";
            Path planted = board(parent, name, "ch.sampling.shm");
            Files.setOwner(planted.resolve("ch.sampling.shm"), nobody);
            Files.setOwner(planted, nobody);
            ShmFolder.removeStaleBoards(parent, "b-");
            assertTrue(Files.exists(planted.resolve("ch.sampling.shm")), "another user's folder was emptied");
            ShmException e = assertThrows(ShmException.class, () -> ShmFolder.create(parent, name));
            assertTrue(e.getMessage().endsWith("belongs to nobody, not to this user; not touching it"), e.getMessage());
            assertTrue(Files.exists(planted.resolve("ch.sampling.shm")), "another user's folder was emptied");
        } finally {
            deleteAll(parent);
        }
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
            deleteAll(parent);
        }
    }

    private static void deleteAll(Path parent) throws Exception {
        try (var all = Files.walk(parent)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}

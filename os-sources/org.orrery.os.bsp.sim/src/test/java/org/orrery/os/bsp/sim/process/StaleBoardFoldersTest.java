// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A board killed with -9 leaves its folder; the next board removes it, and only it. */
class StaleBoardFoldersTest {

    @Test
    void foldersOfDeadKernelProcessesGoOthersStay(@TempDir Path tmp) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path dead = Files.createDirectory(tmp.resolve(PartitionProcesses.DIR_PREFIX + gone.pid() + "-123"));
        Files.writeString(dead.resolve("app-0.jar"), "left by a killed board");
        Path alive = Files.createDirectory(tmp.resolve(PartitionProcesses.DIR_PREFIX + ProcessHandle.current().pid() + "-456"));
        Path unnamed = Files.createDirectory(tmp.resolve(PartitionProcesses.DIR_PREFIX + "789"));
        Path other = Files.createDirectory(tmp.resolve("somebody-else-" + gone.pid() + "-1"));

        PartitionProcesses.removeStale(tmp);

        assertFalse(Files.exists(dead), "the dead board's folder is removed with its files");
        assertTrue(Files.exists(alive), "a running board's folder stays");
        assertTrue(Files.exists(unnamed), "a folder without a kernel pid is not ours to judge");
        assertTrue(Files.exists(other));
    }
}

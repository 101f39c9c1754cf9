// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file in which a partition JVM keeps which of its processes holds a core, and what the board reads from it. */
class RunningProcessTest {
    @TempDir
    Path dir;

    @Test
    void theBoardReadsTheProcessThatHoldsACoreAndNoneOnceItGaveItUp() throws Exception {
        Path file = RunningProcess.file(dir, 3);
        RunningProcess slot = RunningProcess.map(file);
        assertNull(RunningProcess.read(file), "none yet");

        slot.holds("hog/main");
        assertEquals("main", RunningProcess.read(file));
        slot.holds("hog/w");
        slot.released("hog/main"); // handed over before main's turn was given up: w holds the core
        assertEquals("w", RunningProcess.read(file));
        slot.released("hog/w");
        assertNull(RunningProcess.read(file));
        slot.holds("hog/" + "x".repeat(300)); // too long to keep: recorded as none, not as the one before
        assertNull(RunningProcess.read(file));
    }

    @Test
    void aNewJvmOfThePartitionStartsFromNoneAndWhatIsNoSlotNamesNone() throws Exception {
        Path file = RunningProcess.file(dir, 0);
        RunningProcess.map(file).holds("a/main");
        RunningProcess.map(file); // the partition cold started: its new JVM maps the file again
        assertNull(RunningProcess.read(file));
        Files.write(file, new byte[] {0, 0, 0, 4, 'm'});
        assertNull(RunningProcess.read(file), "cut short");
        Files.write(file, new byte[256]);
        assertNull(RunningProcess.read(file));
        byte[] bad = new byte[256];
        bad[0] = 0x7f;
        Files.write(file, bad);
        assertNull(RunningProcess.read(file), "a length beyond the name's room");
        assertNull(RunningProcess.read(dir.resolve("missing")));
    }
}

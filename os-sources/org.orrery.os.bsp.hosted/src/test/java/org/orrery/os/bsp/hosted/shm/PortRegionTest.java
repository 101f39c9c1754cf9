// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortRegionTest {
    private TempBoard board;

    @BeforeEach
    void setUp() throws Exception {
        board = new TempBoard();
    }

    @AfterEach
    void tearDown() throws Exception {
        board.close();
    }

    @Test
    void folderIs0700AndRegionFilesAre0600WithTheirSize() throws Exception {
        Path f = board.folder.queue("cmd", 0);
        RegionSpec spec = RegionSpec.queue(100, 8);
        board.create(f, spec);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(board.folder.dir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        // 128 bytes of header and control, 8 slots of 16 + 100 bytes rounded up to a cache line.
        assertEquals(128 + 8 * 128, Files.size(f));
        assertEquals(spec.bytes(), Files.size(f));
        assertEquals(ProcessHandle.current().pid(), board.openReadOnly(f, spec).creatorPid());
    }

    @Test
    void openersWithTheSameSpecShareTheMemory() throws Exception {
        Path f = board.folder.sampling("alt");
        PortRegion owner = board.create(f, RegionSpec.sampling(8));
        PortRegion rw = board.openReadWrite(f, RegionSpec.sampling(8));
        PortRegion ro = board.openReadOnly(f, RegionSpec.sampling(8));
        assertTrue(owner.writable());
        assertTrue(rw.writable());
        assertFalse(ro.writable());
        rw.segment().set(ValueLayout.JAVA_LONG, 200, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, ro.segment().get(ValueLayout.JAVA_LONG, 200));
        assertEquals(0x1122334455667788L, owner.segment().get(ValueLayout.JAVA_LONG, 200));
    }

    @Test
    void aReadOnlyMappingRefusesWritesAndIsReadOnlyForTheKernel() throws Exception {
        Path f = board.folder.sampling("alt");
        board.create(f, RegionSpec.sampling(8));
        PortRegion ro = board.openReadOnly(f, RegionSpec.sampling(8));
        assertTrue(ro.segment().isReadOnly());
        assertEquals("Attempt to write a read-only segment", assertThrows(IllegalArgumentException.class,
                () -> ro.segment().set(ValueLayout.JAVA_BYTE, 130, (byte) 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SamplingSlot.writer(ro));
        // The mapping itself is PROT_READ: read-only in /proc/self/maps, so a write that bypassed Java would fault.
        assertEquals("r--s", MapsLine.permissions(f, ro.segment().address()));
    }

    @Test
    void createRefusesAnExistingFile() throws Exception {
        Path f = board.folder.sampling("alt");
        board.create(f, RegionSpec.sampling(8));
        ShmException e = assertThrows(ShmException.class, () -> PortRegion.create(f, RegionSpec.sampling(8)));
        assertEquals(f + ": already exists (a port region is created once per board start)", e.getMessage());
    }

    @Test
    void createInAMissingFolderFailsWithOneLine() {
        Path f = board.folder.dir().resolve("gone").resolve("x.sampling.shm");
        ShmException e = assertThrows(ShmException.class, () -> PortRegion.create(f, RegionSpec.sampling(8)));
        assertEquals(f + ": cannot create port region: NoSuchFileException: " + f, e.getMessage());
    }

    @Test
    void openRefusesAMissingFile() {
        Path f = board.folder.sampling("nope");
        ShmException e = assertThrows(ShmException.class, () -> PortRegion.openReadOnly(f, RegionSpec.sampling(8)));
        assertEquals(f + ": no such port region (has the board created it?)", e.getMessage());
    }

    @Test
    void aMismatchedOpenerFailsWithOneLineNamingTheField() throws Exception {
        Path q = board.folder.queue("cmd", 0);
        board.create(q, RegionSpec.queue(64, 4));
        assertEquals(q + ": maxMessageSize is 64, expected 65 (the region was created for another configuration)",
                refusal(q, RegionSpec.queue(65, 4)));
        assertEquals(q + ": depth is 4, expected 5 (the region was created for another configuration)",
                refusal(q, RegionSpec.queue(64, 5)));
        assertEquals(q + ": kind is QUEUE, expected SAMPLING (the region was created for another configuration)",
                refusal(q, RegionSpec.sampling(64)));
        assertEquals(q + ": kind is QUEUE, expected QUEUE_CONSUMER (the region was created for another configuration)",
                refusal(q, RegionSpec.consumer(64, 4)));
    }

    @Test
    void aRegionOfAnotherLayoutVersionOrNotInitialisedIsRefused() throws Exception {
        Path f = board.folder.sampling("alt");
        PortRegion owner = board.create(f, RegionSpec.sampling(8));
        owner.segment().set(ValueLayout.JAVA_INT, Layout.H_VERSION, 7);
        assertEquals(f + ": layout version is 7, expected " + Layout.VERSION + " (the region was created for another configuration)",
                refusal(f, RegionSpec.sampling(8)));
        owner.segment().set(ValueLayout.JAVA_INT, Layout.H_MAGIC, 0);
        assertEquals(f + ": not an initialised Orrery port region (magic 0x0, expected 0x4f525054)",
                refusal(f, RegionSpec.sampling(8)));
    }

    @Test
    void aFileOfTheWrongSizeIsRefused() throws Exception {
        Path small = board.folder.sampling("small");
        Files.write(small, new byte[10]);
        assertEquals(small + ": 10 bytes, too small for a port region header (64)", refusal(small, RegionSpec.sampling(8)));
        Path f = board.folder.sampling("alt");
        board.create(f, RegionSpec.sampling(8));
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(200);
        }
        assertEquals(f + ": size is 200, expected 256 (the region was created for another configuration)",
                refusal(f, RegionSpec.sampling(8)));
    }

    @Test
    void specsOutsideTheLimitsAreRefused() {
        assertEquals("maxMessageSize 0 outside 1..65536",
                assertThrows(IllegalArgumentException.class, () -> RegionSpec.sampling(0)).getMessage());
        assertEquals("maxMessageSize 65537 outside 1..65536",
                assertThrows(IllegalArgumentException.class, () -> RegionSpec.queue(65537, 1)).getMessage());
        assertEquals("depth 0 outside 1..4096",
                assertThrows(IllegalArgumentException.class, () -> RegionSpec.queue(8, 0)).getMessage());
        assertEquals("depth 3 must be 0 for a sampling region",
                assertThrows(IllegalArgumentException.class, () -> new RegionSpec(RegionKind.SAMPLING, 8, 3))
                        .getMessage());
    }

    @Test
    void theOwnerRemovesAStaleFolderOfRegionsButNothingElse() throws Exception {
        String name = board.board() + "-stale";
        ShmFolder first = ShmFolder.create(ShmFolder.DEV_SHM, name);
        PortRegion.create(first.sampling("a"), RegionSpec.sampling(8)).close();
        ShmFolder again = ShmFolder.create(ShmFolder.DEV_SHM, name); // the first board "crashed"
        assertFalse(Files.exists(again.sampling("a")));
        Files.writeString(again.dir().resolve("notes.txt"), "mine");
        ShmException e = assertThrows(ShmException.class, () -> ShmFolder.create(ShmFolder.DEV_SHM, name));
        assertEquals(again.dir() + ": left by an earlier run but holds notes.txt, which is not a port region;"
                + " remove it by hand", e.getMessage());
        Files.delete(again.dir().resolve("notes.txt"));
        again.close();
        assertFalse(Files.exists(again.dir()));
    }

    @Test
    void namesThatCouldEscapeTheFolderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> board.folder.sampling("../etc"));
        assertThrows(IllegalArgumentException.class, () -> board.folder.sampling("a/b"));
        assertThrows(IllegalArgumentException.class, () -> ShmFolder.create(ShmFolder.DEV_SHM, ".."));
        assertEquals(board.folder.dir().resolve("x_1.2.queue.shm"), board.folder.queue("x_1", 2));
    }

    @Test
    void aPartitionOpensTheBoardFolderAndNeverDeletesIt() throws Exception {
        ShmFolder mine = ShmFolder.open(ShmFolder.DEV_SHM, board.board());
        mine.close();
        assertTrue(Files.isDirectory(board.folder.dir()));
        ShmException e = assertThrows(ShmException.class, () -> ShmFolder.open(ShmFolder.DEV_SHM, "no-such-board"));
        assertEquals("/dev/shm/orrery-no-such-board: no such board folder (is the board running?)", e.getMessage());
    }

    private static String refusal(Path f, RegionSpec spec) {
        return assertThrows(ShmException.class, () -> PortRegion.openReadOnly(f, spec)).getMessage();
    }
}

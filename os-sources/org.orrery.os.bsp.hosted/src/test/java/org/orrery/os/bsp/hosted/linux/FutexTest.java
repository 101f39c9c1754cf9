// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The futex calls the port watchers and the engine sleep on: a word in a shared file mapping is one futex for every
 * mapping of the file (as in two processes), timeouts are kept, a word that already moved does not sleep.
 */
class FutexTest {
    private static final long MS = 1_000_000L;

    @BeforeAll
    static void linux() {
        assumeTrue(Futex.available(), "not Linux, or the FFM linker misses syscall");
    }

    /** Two separate read-write mappings of one file in /dev/shm, as a source and the kernel map a ring. */
    private static MemorySegment[] twoMappings(Path file, Arena arena) throws Exception {
        MemorySegment[] maps = new MemorySegment[2];
        for (int i = 0; i < 2; i++) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                maps[i] = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4096, arena);
            }
        }
        return maps;
    }

    @Test
    void aWaiterOnOneMappingIsWokenThroughAnotherMappingOfTheSameFile() throws Exception {
        Path file = Files.createTempFile(Path.of("/dev/shm"), "orrery-futex-test-", ".shm");
        try (Arena arena = Arena.ofShared()) {
            MemorySegment[] maps = twoMappings(file, arena);
            assertTrue(maps[0].address() != maps[1].address(), "two mappings");
            FutureTask<Long> waiter = new FutureTask<>(() -> {
                long t0 = System.nanoTime();
                while (maps[0].get(ValueLayout.JAVA_INT, 64) == 0) {
                    Futex.await(maps[0], 64, 0, 5_000 * MS);
                }
                return System.nanoTime() - t0;
            });
            Thread.ofPlatform().start(waiter);
            Thread.sleep(100);
            maps[1].set(ValueLayout.JAVA_INT, 64, 1);
            Futex.wake(maps[1], 64, Integer.MAX_VALUE);
            long waited = waiter.get();
            assertTrue(waited >= 90 * MS && waited < 2_000 * MS, "woken after " + waited / MS + " ms");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aWaitEndsAtItsTimeoutOrAtOnceWhenTheWordMovedAlready() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment word = arena.allocate(4, 4);
            word.set(ValueLayout.JAVA_INT, 0, 7);
            long t0 = System.nanoTime();
            assertFalse(Futex.await(word, 0, 7, 30 * MS), "timed out");
            assertTrue(System.nanoTime() - t0 >= 30 * MS);
            t0 = System.nanoTime();
            assertTrue(Futex.await(word, 0, 6, 5_000 * MS), "the word is 7, not 6: no sleep");
            assertTrue(System.nanoTime() - t0 < 1_000 * MS);
        }
    }

    @Test
    void aPrivateWaitEndsAtItsAbsoluteDeadline() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment word = arena.allocate(4, 4);
            long deadline = System.nanoTime() + 30 * MS;
            while (Futex.awaitPrivateUntil(word, 0, deadline)) {
                // a signal may end a wait early; the deadline stays
            }
            assertTrue(System.nanoTime() >= deadline);
        }
    }
}

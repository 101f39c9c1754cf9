// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.orrery.os.bsp.hosted.linux.CgroupTestSupport.await;
import static org.orrery.os.bsp.hosted.linux.CgroupTestSupport.go;
import static org.orrery.os.bsp.hosted.linux.CgroupTestSupport.sh;
import static org.orrery.os.bsp.hosted.linux.CgroupTestSupport.statField;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.orrery.os.bsp.hosted.BoardUnavailableException;

/** Partition groups on this machine's real cgroups, with real child processes. */
class PartitionGroupTest {
    private static final long MIB = 1024 * 1024;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        processes.forEach(Process::destroyForcibly);
        CgroupTestSupport.sweep();
    }

    private Process start(String script) throws IOException {
        Process p = sh(script);
        processes.add(p);
        return p;
    }

    private static BitSet cpus(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }

    private static BitSet allCpus() {
        BitSet b = new BitSet();
        b.set(0, Runtime.getRuntime().availableProcessors());
        return b;
    }

    private static Cgroups cgroups(FreezeInterface freeze) {
        Cgroups c = CgroupTestSupport.cgroups();
        try {
            return c.freezeWith(freeze);
        } catch (BoardUnavailableException e) {
            return org.junit.jupiter.api.Assumptions.abort(freeze + " not offered here: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(FreezeInterface.class)
    void freezeStopsASpinningChildAndThawResumesIt(FreezeInterface freeze) throws Exception {
        try (BoardGroup board = cgroups(freeze).createBoard(CgroupTestSupport.name())) {
            PartitionGroup p = board.partition("spin", 64 * MIB, 16, allCpus());
            Process spinner = start("read go; while :; do :; done");
            p.add(spinner.pid());
            go(spinner);
            Path stat = Path.of("/proc/" + spinner.pid() + "/stat");
            long start = statField(stat, 14);
            assertTrue(await(3000, () -> statField(stat, 14) > start + 5), "the spinner runs before the freeze");

            p.freeze();
            assertTrue(await(2000, p::frozen), "frozen confirmed");
            long frozenAt = statField(stat, 14);
            Thread.sleep(300);
            assertEquals(frozenAt, statField(stat, 14), "utime does not grow while frozen");
            assertTrue(p.frozen());

            p.thaw();
            assertTrue(await(2000, () -> !p.frozen()), "thaw confirmed");
            assertTrue(await(3000, () -> statField(stat, 14) > frozenAt + 5), "utime grows again after thaw");
        }
    }

    @ParameterizedTest
    @EnumSource(FreezeInterface.class)
    void timeWaitingForAProcessorIsCountedAndTimeBlockedIsNot(FreezeInterface freeze) throws Exception {
        try (BoardGroup board = cgroups(freeze).createBoard(CgroupTestSupport.name())) {
            PartitionGroup spin = board.partition("spin", 64 * MIB, 16, cpus(0));
            PartitionGroup sleep = board.partition("sleep", 64 * MIB, 16, cpus(0));
            assumeTrue(spin.processorWaitNanos() >= 0, "no cpu.pressure here (a v1-only layout or a kernel without "
                    + "pressure stall information)");
            Process spinner = start("read go; while :; do :; done");
            spin.add(spinner.pid());
            Process sleeper = start("read go; exec sleep 60");
            sleep.add(sleeper.pid());
            // the host's own work on the same processor, outside the board: the spinner has to wait for it
            Process host = new ProcessBuilder("taskset", "-c", "0", "sh", "-c", "while :; do :; done").start();
            processes.add(host);
            long spinWait = spin.processorWaitNanos();
            long sleepWait = sleep.processorWaitNanos();
            go(spinner);
            go(sleeper);
            Thread.sleep(1000);
            long spun = spin.processorWaitNanos() - spinWait;
            long slept = sleep.processorWaitNanos() - sleepWait;
            // sharing one processor with a spinning host process: about half of the second spent waiting
            assertTrue(spun >= 200_000_000L, "the spinner waited " + spun / 1_000_000 + " ms of 1,000");
            assertTrue(slept < 50_000_000L, "the sleeper waited " + slept / 1_000_000 + " ms of 1,000");
        }
    }

    @ParameterizedTest
    @EnumSource(FreezeInterface.class)
    void killEndsFrozenProcessesAndCloseLeavesNoDirectory(FreezeInterface freeze) throws Exception {
        String name = CgroupTestSupport.name();
        BoardGroup board = cgroups(freeze).createBoard(name);
        List<Path> boardDirs = CgroupTestSupport.ownGroups(CgroupTestSupport.layout()).stream()
                .map(own -> own.resolve(name)).filter(Files::isDirectory).toList();
        assertTrue(boardDirs.size() >= 4, "memory, pids, cpuset and a freezer: " + boardDirs);
        PartitionGroup p = board.partition("victim", 64 * MIB, 16, allCpus());
        Process parent = start("read go; sleep 60 & sleep 60 & wait");
        p.add(parent.pid());
        go(parent);
        assertTrue(await(2000, () -> p.pids().size() == 3), "sh and two sleeps in the group");
        p.freeze();
        assertTrue(await(2000, p::frozen));

        p.kill();
        assertEquals(List.of(), p.pids());
        assertEquals(137, parent.waitFor(), "the shell died by SIGKILL");
        for (Path d : boardDirs) {
            assertTrue(Files.isDirectory(d.resolve("victim")), d + "/victim exists before close");
        }
        p.close();
        assertEquals(List.of(), board.partitions());
        board.close();
        for (Path d : boardDirs) {
            assertFalse(Files.exists(d), d + " removed");
        }
    }

    @Test
    void theGroupsOfABoardWhoseKernelIsGoneAreRemovedButNotThoseOfALiveOne() throws Exception {
        Cgroups cgroups = CgroupTestSupport.cgroups();
        Process dead = start("exit 0");
        dead.waitFor();
        String stale = "orrery-test-stale-" + dead.pid() + "-1";
        String live = "orrery-test-stale-" + ProcessHandle.current().pid() + "-1";
        cgroups.createBoard(stale).partition("p0", 16 * MIB, 4, allCpus());
        BoardGroup mine = cgroups.createBoard(live);
        mine.partition("p0", 16 * MIB, 4, allCpus());
        try {
            assertEquals(1, cgroups.removeStaleBoards("orrery-test-stale-"));
            List<Path> owns = CgroupTestSupport.ownGroups(CgroupTestSupport.layout());
            for (Path own : owns) {
                assertFalse(Files.exists(own.resolve(stale)), own.resolve(stale) + " removed");
            }
            assertTrue(owns.stream().anyMatch(own -> Files.exists(own.resolve(live).resolve("p0"))), live + " kept");
            assertEquals(0, cgroups.removeStaleBoards("orrery-test-stale-"), "a live board is never stale");
        } finally {
            mine.close();
        }
    }

    @Test
    void boardCloseKillsAndRemovesEveryPartition() throws Exception {
        Cgroups cgroups = CgroupTestSupport.cgroups();
        String name = CgroupTestSupport.name();
        BoardGroup board = cgroups.createBoard(name);
        Process a = start("read go; exec sleep 60");
        Process b = start("read go; exec sleep 60");
        board.partition("a", 16 * MIB, 4, allCpus()).add(a.pid());
        board.partition("b", 16 * MIB, 4, allCpus()).add(b.pid());
        assertEquals(2, board.partitions().size());
        board.close();
        // close() returns once the groups are empty: both are dead. Java's isAlive() may still say true for a moment
        // (the JDK reaps its children on a thread of its own), so wait a little; sleeping out its 60 s would fail.
        for (Process p : List.of(a, b)) {
            assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "killed by the board's close");
            assertEquals(128 + 9, p.exitValue(), "SIGKILL");
        }
        for (Path own : CgroupTestSupport.ownGroups(CgroupTestSupport.layout())) {
            assertFalse(Files.exists(own.resolve(name)), own.resolve(name) + " removed");
        }
    }

    @Test
    void aChildBeyondTheMemoryLimitIsOomKilledAndCounted() throws Exception {
        try (BoardGroup board = CgroupTestSupport.cgroups().createBoard(CgroupTestSupport.name())) {
            PartitionGroup p = board.partition("hungry", 16 * MIB, 8, allCpus());
            assertEquals(0, p.oomKills());
            // dd fills a 64 MiB buffer: four times the limit.
            Process hog = start("read go; exec dd if=/dev/zero of=/dev/null bs=64M count=1");
            p.add(hog.pid());
            go(hog);
            assertEquals(137, hog.waitFor(), "dd killed by SIGKILL");
            assertEquals(1, p.oomKills());
        }
    }

    @Test
    void aForkBeyondThePidsLimitFails() throws Exception {
        try (BoardGroup board = CgroupTestSupport.cgroups().createBoard(CgroupTestSupport.name())) {
            PartitionGroup p = board.partition("forky", 16 * MIB, 3, allCpus());
            // The sleeps must not hold the shell's pipes: a read racing Java's drain at the shell's exit would wait
            // for them (seen once in CI: 60 s, and the sleeps gone by the time the group was counted).
            Process forker = start("read go; for i in 1 2 3 4; do sleep 60 >/dev/null 2>&1 & done; echo forked; wait");
            p.add(forker.pid());
            go(forker);
            // The shell and two sleeps fill the limit; the third fork fails and the shell gives up.
            assertEquals(2, forker.waitFor(), "the shell's exit status after a failed fork");
            String err = new String(forker.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(err.contains("fork"), err);
            assertEquals("", new String(forker.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(2, p.pids().size(), "the two sleeps started before the limit: " + p.pids());
        }
    }

    @Test
    void theCpusetIsVisibleInCpusAllowedList() throws Exception {
        int last = Runtime.getRuntime().availableProcessors() - 1;
        try (BoardGroup board = CgroupTestSupport.cgroups().createBoard(CgroupTestSupport.name())) {
            PartitionGroup p = board.partition("pinned", 16 * MIB, 4, cpus(last));
            Process sleeper = start("read go; exec sleep 60");
            p.add(sleeper.pid());
            assertEquals(Integer.toString(last), CgroupTestSupport.status(
                    Path.of("/proc/" + sleeper.pid() + "/status"), "Cpus_allowed_list"));
        }
    }

    @ParameterizedTest
    @EnumSource(FreezeInterface.class)
    void aGroupOfSeveralCpusRunsOnOneAtATime(FreezeInterface freeze) throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a machine of one cpu");
        try (BoardGroup board = cgroups(freeze).createBoard(CgroupTestSupport.name())) {
            PartitionGroup p = board.partition("walker", 16 * MIB, 4, cpus(0, 1));
            Process sleeper = start("read go; exec sleep 60");
            p.add(sleeper.pid());
            Path status = Path.of("/proc/" + sleeper.pid() + "/status");
            assertEquals("0-1", CgroupTestSupport.status(status, "Cpus_allowed_list"));
            p.freeze();
            p.runOn(1); // frozen as at a window edge: the tasks move all the same
            assertEquals("1", CgroupTestSupport.status(status, "Cpus_allowed_list"));
            p.thaw();
            p.runOn(0);
            assertEquals("0", CgroupTestSupport.status(status, "Cpus_allowed_list"));
            BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> p.runOn(5));
            assertEquals("cpu 5 is not one of the partition group's cpus", e.getMessage());
        }
    }

    @Test
    void cpusOutsideTheBoardAreRefusedInOneLine() throws Exception {
        try (BoardGroup board = CgroupTestSupport.cgroups().createBoard(CgroupTestSupport.name())) {
            BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
                    () -> board.partition("far", 16 * MIB, 4, cpus(1000)));
            assertTrue(e.getMessage().matches("partition far: cpus 1000 are not in the board's cpuset [0-9,-]+ "
                    + "\\(/sys/fs/cgroup/\\S+/cpuset.cpus(.effective)?\\)"), e.getMessage());
            assertEquals(List.of(), board.partitions());
        }
    }

    @Test
    void aSecondBoardOfTheSameNameIsRefused() throws Exception {
        Cgroups cgroups = CgroupTestSupport.cgroups();
        String name = CgroupTestSupport.name();
        try (BoardGroup board = cgroups.createBoard(name)) {
            BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
                    () -> cgroups.createBoard(name));
            assertTrue(e.getMessage().endsWith("/" + name + ": already exists: another board of that name is "
                    + "running, or a crashed one left it behind (kill its processes and rmdir it)"), e.getMessage());
            board.partition("still-works", 16 * MIB, 4, allCpus()).close();
        }
    }

    @Test
    void withoutCgroup2AFrozenGroupIsKilledBySignals() throws Exception {
        CgroupLayout real = CgroupTestSupport.layout();
        assumeTrue(real.kind == CgroupLayout.Kind.HYBRID && real.v1Groups.containsKey("freezer"),
                "no v1 freezer on this machine");
        // The same machine seen as pure v1: no cgroup2 mount, so no cgroup.kill.
        String mountinfo = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> !l.contains(" - cgroup2 ")).reduce("", (a, b) -> a + b + "\n");
        CgroupLayout v1 = CgroupLayout.parse(Cgroups.DEFAULT_ROOT, mountinfo,
                Files.readString(Path.of("/proc/self/cgroup")));
        HybridGroups factory = new HybridGroups(v1, FreezeInterface.V1_FREEZER);
        String name = CgroupTestSupport.name();
        try (BoardGroup board = new CgroupBoard(name, factory, factory.createBoard(name))) {
            PartitionGroup p = board.partition("v1", 32 * MIB, 16, allCpus());
            Process parent = start("read go; sleep 60 & sleep 60 & wait");
            p.add(parent.pid());
            go(parent);
            assertTrue(await(2000, () -> p.pids().size() == 3));
            p.freeze();
            assertTrue(await(2000, p::frozen));
            p.close();
            assertEquals(137, parent.waitFor());
            assertEquals(List.of(), board.partitions());
        }
        for (Path own : CgroupTestSupport.ownGroups(v1)) {
            assertFalse(Files.exists(own.resolve(name)), own.resolve(name) + " removed");
        }
    }

    @Test
    void addingAProcessThatIsGoneNamesTheFile() throws Exception {
        try (BoardGroup board = CgroupTestSupport.cgroups().createBoard(CgroupTestSupport.name())) {
            PartitionGroup p = board.partition("late", 16 * MIB, 4, allCpus());
            Process gone = new ProcessBuilder("true").start();
            gone.onExit().get();
            BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> p.add(gone.pid()));
            assertTrue(e.getMessage().matches("/sys/fs/cgroup/\\S+/late/cgroup.procs: cannot write \"" + gone.pid()
                    + "\" \\(No such process\\)"), e.getMessage());
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * A partition group made of one directory per hierarchy (one for cgroup v2, several in a hybrid layout); the
 * directories already exist with their limits written, this class runs the group's life.
 */
final class CgroupPartition implements PartitionGroup {
    private static final int SIGKILL = 9;
    private static final long KILL_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final byte[] SOME = "some ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TOTAL = "total=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String name;
    private final List<Path> dirs;
    private final Freezer freezer;
    private final Path oomFile;
    private final Path killFile;
    private final Runnable onClose;
    private final ControlFile cpuPressure;
    private final CpuPin pin;
    private boolean closed;

    /**
     * @param dirs     the group's directories, every process is added to each
     * @param freezer  open freeze files of one of them
     * @param oomFile  memory.events (v2) or memory.oom_control (v1), both with an "oom_kill N" line
     * @param killFile a v2 cgroup.kill, or null to kill by signalling every process
     * @param cpuPressure the v2 directory's cpu.pressure (there whether or not the cpu controller is enabled,
     *                 where the kernel has pressure stall information), or null
     * @param pin      confines the group to one of its cpus, null for a group of one cpu
     * @param onClose  tells the board the group is gone
     */
    CgroupPartition(String name, List<Path> dirs, Freezer freezer, Path oomFile, Path killFile, Path cpuPressure,
            CpuPin pin, Runnable onClose) throws BoardUnavailableException {
        this.name = name;
        this.dirs = List.copyOf(dirs);
        this.freezer = freezer;
        this.oomFile = oomFile;
        this.killFile = killFile;
        this.onClose = onClose;
        this.cpuPressure = cpuPressure == null ? null : ControlFile.open(cpuPressure, false);
        this.pin = pin;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void add(long pid) throws BoardUnavailableException {
        for (Path dir : dirs) {
            CgroupFiles.write(dir.resolve("cgroup.procs"), Long.toString(pid));
        }
    }

    @Override
    public List<Long> pids() throws BoardUnavailableException {
        Set<Long> all = new LinkedHashSet<>();
        for (Path dir : dirs) {
            all.addAll(CgroupFiles.procs(dir));
        }
        return new ArrayList<>(all);
    }

    @Override
    public void runOn(int cpu) throws BoardUnavailableException {
        if (pin != null) {
            pin.runOn(cpu);
        }
    }

    @Override
    public void freeze() throws BoardUnavailableException {
        freezer.freeze();
    }

    @Override
    public void thaw() throws BoardUnavailableException {
        freezer.thaw();
    }

    @Override
    public boolean frozen() throws BoardUnavailableException {
        return freezer.frozen();
    }

    @Override
    public long processorWaitNanos() throws BoardUnavailableException {
        if (cpuPressure == null) {
            return -1;
        }
        long us;
        try {
            us = cpuPressure.field(SOME, TOTAL);
        } catch (BoardUnavailableException e) {
            return -1; // a kernel booted with psi=0 keeps the file but refuses to read it
        }
        return us < 0 ? -1 : us * 1000;
    }

    @Override
    public long oomKills() throws BoardUnavailableException {
        long n = CgroupFiles.keyed(oomFile, "oom_kill");
        if (n < 0) {
            throw new BoardUnavailableException(oomFile + ": no oom_kill line: this kernel does not count OOM kills "
                    + "per cgroup");
        }
        return n;
    }

    @Override
    public void kill() throws BoardUnavailableException {
        long deadline = System.nanoTime() + KILL_TIMEOUT_NS;
        if (killFile != null) {
            CgroupFiles.write(killFile, "1"); // atomic: also catches processes forked while it runs
        }
        while (true) {
            List<Long> left = pids();
            if (left.isEmpty()) {
                return;
            }
            if (killFile == null) {
                for (long pid : left) {
                    Linux.kill(pid, SIGKILL);
                }
            }
            // A task frozen by the v1 freezer keeps its SIGKILL pending until it is thawed.
            freezer.thaw();
            if (System.nanoTime() > deadline) {
                throw new BoardUnavailableException(dirs.get(0) + ": processes " + left + " still alive "
                        + TimeUnit.NANOSECONDS.toSeconds(KILL_TIMEOUT_NS) + " s after SIGKILL");
            }
            CgroupFiles.pause();
        }
    }

    @Override
    public void close() throws BoardUnavailableException {
        if (closed) {
            return;
        }
        kill();
        freezer.close();
        if (cpuPressure != null) {
            cpuPressure.close();
        }
        if (pin != null) {
            pin.close();
        }
        long deadline = System.nanoTime() + KILL_TIMEOUT_NS;
        for (Path dir : dirs) {
            CgroupFiles.rmdir(dir, deadline);
        }
        closed = true;
        onClose.run();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Confines a partition group with several cores to the one whose window is open: the configuration never opens two
 * windows of a partition at once, and while a window is open on one core its processes must not run on another,
 * which belongs to another partition's window then. One write to the group's cpuset.cpus, kept open, with the text
 * for each of its cpus written beforehand (the write is on the window edge's critical path).
 */
final class CpuPin implements AutoCloseable {
    private final ControlFile cpusFile;
    private final ByteBuffer[] text;
    private int current = -1;

    private CpuPin(ControlFile cpusFile, ByteBuffer[] text) {
        this.cpusFile = cpusFile;
        this.text = text;
    }

    /** A pin for a group whose cpuset file is {@code cpusetCpus}, or null when {@code cpus} has one cpu only. */
    static CpuPin open(Path cpusetCpus, BitSet cpus) throws BoardUnavailableException {
        if (cpus.cardinality() < 2) {
            return null;
        }
        ByteBuffer[] text = new ByteBuffer[cpus.length()];
        for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
            text[cpu] = ControlFile.bytes(Integer.toString(cpu));
        }
        return new CpuPin(ControlFile.open(cpusetCpus, true), text);
    }

    /** Confines the group to {@code cpu}, one of its own; nothing to write when it is there already. */
    void runOn(int cpu) throws BoardUnavailableException {
        if (cpu == current) {
            return;
        }
        if (cpu < 0 || cpu >= text.length || text[cpu] == null) {
            throw new BoardUnavailableException("cpu " + cpu + " is not one of the partition group's cpus");
        }
        cpusFile.write(text[cpu]);
        current = cpu;
    }

    @Override
    public void close() {
        cpusFile.close();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.util.ArrayList;
import java.util.List;

import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Vm;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.VmConfig;

/**
 * Where the memory budgets of partitions and VMs lie in the board's RAM: one after the other from offset 0,
 * partitions first, then VMs, each in declaration order. This is the single copy of the placement rule; the
 * memory-map report and the Studio memory map both ask here, from the configuration or (when the system has
 * errors and no configuration exists) from the parsed model.
 */
public final class MemoryLayout {

    /** What owns a budget. */
    public enum Owner {
        PARTITION, VM
    }

    /** One placed budget: {@code [offset, offset + size)} bytes from the start of the board's RAM. */
    public record Budget(Owner owner, String name, long offset, long size) {

        public long end() {
            return saturatingAdd(offset, size);
        }
    }

    /** The placed budgets and the RAM they share; {@code free()} is negative when the budgets do not fit. */
    public record Layout(long ramSize, List<Budget> budgets) {

        public Layout {
            budgets = List.copyOf(budgets);
        }

        public long used() {
            return budgets.isEmpty() ? 0 : budgets.get(budgets.size() - 1).end();
        }

        public long free() {
            return ramSize - used();
        }
    }

    private MemoryLayout() {
    }

    public static Layout of(SystemConfig c) {
        List<Budget> out = new ArrayList<>();
        long offset = 0;
        for (PartitionConfig p : c.partitions()) {
            offset = place(out, Owner.PARTITION, p.name(), offset, p.memoryBudget());
        }
        for (VmConfig v : c.vms()) {
            offset = place(out, Owner.VM, v.name(), offset, v.memorySize());
        }
        return new Layout(c.board().memorySize(), out);
    }

    /** The same placement on a parsed system, which may have errors (then names may be missing). */
    public static Layout of(SystemView s) {
        List<Budget> out = new ArrayList<>();
        long offset = 0;
        for (Partition p : s.partitions()) {
            offset = place(out, Owner.PARTITION, String.valueOf(p.getName()), offset, Units.bytes(p.getMemory()));
        }
        for (Vm v : s.vms()) {
            offset = place(out, Owner.VM, String.valueOf(v.getName()), offset, Units.bytes(v.getMemory()));
        }
        long ram = s.boardFacts() == null ? 0 : s.boardFacts().memory();
        return new Layout(ram, out);
    }

    private static long place(List<Budget> out, Owner owner, String name, long offset, long size) {
        out.add(new Budget(owner, name, offset, size));
        return saturatingAdd(offset, size);
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}

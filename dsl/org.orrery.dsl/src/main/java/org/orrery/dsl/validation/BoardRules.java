// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.model.BoardFacts;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Board;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.MemoryRegion;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Time;
import org.orrery.dsl.orrery.Vm;

/** What the board can hold: cores, timer resolution, memory. */
public class BoardRules extends OrreryRules {

    // Cores are named in two places, a partition's affinity and a schedule's core; one rule covers both.
    @Check
    public void coreOutOfRange(EObject object) {
        if (!(object instanceof Partition) && !(object instanceof CoreSchedule)) {
            return;
        }
        BoardFacts board = system(object).boardFacts();
        if (board == null) {
            return;
        }
        String range = board.cores() == 1 ? " core." : " cores (0.." + (board.cores() - 1) + ").";
        if (object instanceof Partition partition) {
            for (int i = 0; i < partition.getCores().size(); i++) {
                int core = partition.getCores().get(i);
                if (core >= board.cores()) {
                    error("Core " + core + " of partition " + q(partition.getName()) + " is out of range: the board has "
                            + board.cores() + range, partition, Literals.PARTITION__CORES, i,
                            OrreryIssueCodes.CORE_OUT_OF_RANGE);
                }
            }
        } else if (object instanceof CoreSchedule schedule && schedule.getCore() >= board.cores()) {
            error("Core " + schedule.getCore() + " is out of range: the board has " + board.cores() + range,
                    schedule, Literals.CORE_SCHEDULE__CORE, OrreryIssueCodes.CORE_OUT_OF_RANGE);
        }
    }

    @Check
    public void tickMultiple(Time time) {
        EObject owner = time.eContainer();
        EStructuralFeature f = time.eContainingFeature();
        if (owner instanceof Board || owner instanceof Bsp || f == Literals.PROCESS__WCET
                || f == Literals.HARDWARE_WATCHDOG__TIMEOUT || f == Literals.DEVICE__TIMEOUT) {
            return;
        }
        BoardFacts board = system(time).boardFacts();
        long ns = Units.nanos(time);
        if (board != null && board.tickNs() > 0 && ns % board.tickNs() != 0) {
            error("Time " + Units.formatNanos(ns) + " is not a multiple of the board's timer tick "
                    + Units.formatNanos(board.tickNs()) + "; round it to a multiple of the tick.", time, null, OrreryIssueCodes.TICK_MULTIPLE);
        }
    }

    @Check
    public void memoryOverBudget(Model model) {
        if (!isSystemRoot(model)) {
            return;
        }
        SystemView system = system(model);
        BoardFacts board = system.boardFacts();
        if (board == null) {
            return;
        }
        long total = 0;
        for (Partition p : system.partitions()) {
            total = add(total, Units.bytes(p.getMemory()));
        }
        for (Vm v : system.vms()) {
            total = add(total, Units.bytes(v.getMemory()));
        }
        if (total > board.memory()) {
            Board b = system.board();
            boolean here = SystemView.modelOf(b) == model;
            error("Memory budgets of partitions and VMs total " + Units.formatBytes(total) + ", more than the board's "
                    + Units.formatBytes(board.memory()) + ": lower the budgets or raise the board's 'memory'.", here ? b : model.getSystem(),
                    here ? null : Literals.SYSTEM_HEADER__NAME, OrreryIssueCodes.MEMORY_OVER_BUDGET);
        }
    }

    /**
     * Regions must not overlap, unless one of them is {@code shared}: XtratuM's xmcparser accepts an overlap of two
     * memory areas when either is flagged shared (user/tools/xmcparser/constraints.c, CheckMemoryAreasOverlap, XtratuM
     * 2.4). Two shared regions overlapping is sharing as declared; a shared region over a region that is not shared
     * is a warning when it hands that region's bytes to partitions the region is not granted to.
     */
    @Check
    public void regionOverlap(MemoryRegion region) {
        List<MemoryRegion> peers = region.eContainer() instanceof Bsp bsp ? bsp.getRegions() : system(region).regions();
        long start = region.getAddress();
        long end = start + Units.bytes(region.getSize());
        for (MemoryRegion other : peers) {
            if (other == region) {
                return;
            }
            long os = other.getAddress();
            long oe = os + Units.bytes(other.getSize());
            if (Long.compareUnsigned(start, oe) >= 0 || Long.compareUnsigned(os, end) >= 0) {
                continue;
            }
            if (!region.isShared() && !other.isShared()) {
                error("Memory region " + q(region.getName()) + " " + span(start, end) + " overlaps region "
                        + q(other.getName()) + " " + span(os, oe) + ": move or shrink one of them, or mark both 'shared' "
                        + "if their partitions are meant to share these bytes.", region, Literals.MEMORY_REGION__ADDRESS,
                        OrreryIssueCodes.REGION_OVERLAP);
                return;
            }
            if (region.isShared() != other.isShared()) {
                MemoryRegion shared = region.isShared() ? region : other;
                MemoryRegion own = region.isShared() ? other : region;
                List<String> reaching = shared.getPartitions().stream().filter(p -> !own.getPartitions().contains(p))
                        .map(Partition::getName).distinct().toList();
                if (!reaching.isEmpty()) {
                    warning("Shared memory region " + q(shared.getName()) + " overlaps region " + q(own.getName())
                            + ", which is not shared: " + names(reaching) + " can reach its bytes without being granted "
                            + q(own.getName()) + ". Mark " + q(own.getName()) + " 'shared' if that is intended, or move one of them.",
                            region, Literals.MEMORY_REGION__ADDRESS, OrreryIssueCodes.SHARED_REGION_OVERLAP);
                }
            }
        }
    }

    private static String names(List<String> partitions) {
        return (partitions.size() == 1 ? "partition " : "partitions ")
                + String.join(", ", partitions.stream().map(OrreryRules::q).toList());
    }

    private static String span(long start, long end) {
        return "[0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end) + ")";
    }

    private static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}

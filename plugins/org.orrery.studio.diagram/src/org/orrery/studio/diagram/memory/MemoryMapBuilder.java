// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.orrery.dsl.generator.MemoryLayout;
import org.orrery.dsl.model.BoardFacts;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Access;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.MemoryRegion;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Vm;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.topology.Flags;

/**
 * Builds the {@link MemoryMap} of a parsed system. Budgets are placed by the generator's own
 * {@link MemoryLayout} (never a second copy of that rule), from the parsed model so that a system with
 * errors still has a map; what is wrong is shown by the session's diagnostics, not re-derived here.
 */
public final class MemoryMapBuilder {

    private final Resource own;
    private final Flags flags;
    private final List<ModelDiagnostic> diagnostics;

    private MemoryMapBuilder(SystemView system, List<ModelDiagnostic> diagnostics) {
        this.own = system.root() == null ? null : system.root().eResource();
        this.flags = new Flags(diagnostics);
        this.diagnostics = diagnostics;
    }

    public static MemoryMap build(SystemView system, List<ModelDiagnostic> diagnostics) {
        MemoryMapBuilder b = new MemoryMapBuilder(system, diagnostics);
        BoardFacts facts = system.boardFacts();
        String board = facts == null ? "(no board)" : facts.name();
        Bsp bsp = system.board() == null ? null : system.board().getBsp();
        List<MemoryRegion> boardRegions = bsp == null || bsp.eIsProxy() ? List.of() : bsp.getRegions();
        List<MemoryRegion> systemRegions = system.regions();
        return new MemoryMap(board, b.ram(system), b.regions(Bar.Origin.BOARD, boardRegions, systemRegions),
                b.regions(Bar.Origin.SYSTEM, systemRegions, List.of()));
    }

    private Bar ram(SystemView system) {
        MemoryLayout.Layout layout = MemoryLayout.of(system);
        List<Segment> segments = new ArrayList<>();
        for (MemoryLayout.Budget budget : layout.budgets()) {
            EObject element = element(system, budget);
            String fragment = fragment(element);
            Segment.Kind kind = budget.owner() == MemoryLayout.Owner.VM ? Segment.Kind.VM : Segment.Kind.PARTITION;
            segments.add(new Segment(kind, budget.name(), budget.offset(), budget.size(), fragment,
                    flags.of(fragment(memoryOf(element)))));
        }
        String boardFragment = fragment(system.board());
        List<ModelDiagnostic> ds = new ArrayList<>(flags.of(boardFragment));
        // The budget rule reports on the board, or on the system name when the board is imported.
        diagnostics.stream().filter(d -> OrreryIssueCodes.MEMORY_OVER_BUDGET.equals(d.code()) && !ds.contains(d))
                .forEach(ds::add);
        return new Bar(Bar.Origin.RAM, "RAM", 0, layout.ramSize(), "", List.of(), segments, layout.used(),
                boardFragment, ds);
    }

    private List<Bar> regions(Bar.Origin origin, List<MemoryRegion> regions, List<MemoryRegion> contents) {
        List<Bar> bars = new ArrayList<>();
        for (MemoryRegion r : regions) {
            long base = r.getAddress();
            long size = Units.bytes(r.getSize());
            String fragment = fragment(r);
            List<ModelDiagnostic> ds = flags.of(fragment);
            List<Segment> segments = new ArrayList<>();
            for (MemoryRegion c : contents) {
                long s = Math.max(base, c.getAddress());
                long e = Math.min(base + size, c.getAddress() + Units.bytes(c.getSize()));
                if (s < e) {
                    segments.add(new Segment(Segment.Kind.REGION, c.getName(), s, e - s, fragment(c), flags.of(fragment(c))));
                }
            }
            long used = union(segments);
            for (MemoryRegion other : regions) {
                long s = Math.max(base, other.getAddress());
                long e = Math.min(base + size, other.getAddress() + Units.bytes(other.getSize()));
                if (other != r && s < e) {
                    List<ModelDiagnostic> overlap = ds.stream().filter(d -> OrreryIssueCodes.REGION_OVERLAP.equals(d.code())).toList();
                    segments.add(new Segment(Segment.Kind.OVERLAP, "overlaps " + other.getName(), s, e - s, fragment, overlap));
                }
            }
            List<String> partitions = r.getPartitions().stream().filter(p -> !p.eIsProxy()).map(Partition::getName).toList();
            Access access = r.getAccess() == null ? Access.READ_WRITE : r.getAccess();
            bars.add(new Bar(origin, String.valueOf(r.getName()), base, size, access.getLiteral(), partitions, segments,
                    used, fragment, ds));
        }
        return bars;
    }

    /** Bytes covered by the segments, counting shared bytes once. */
    private static long union(List<Segment> segments) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingLong(Segment::start));
        long covered = 0;
        long reach = Long.MIN_VALUE;
        for (Segment s : sorted) {
            long start = Math.max(s.start(), reach);
            if (s.end() > start) {
                covered += s.end() - start;
            }
            reach = Math.max(reach, s.end());
        }
        return covered;
    }

    /** The partition or VM a placed budget belongs to (budgets follow declaration order, as the layout does). */
    private static EObject element(SystemView system, MemoryLayout.Budget budget) {
        List<? extends EObject> owners = budget.owner() == MemoryLayout.Owner.VM ? system.vms() : system.partitions();
        for (EObject o : owners) {
            String name = o instanceof Partition p ? p.getName() : ((Vm) o).getName();
            if (budget.name().equals(String.valueOf(name))) {
                return o;
            }
        }
        return null;
    }

    private static EObject memoryOf(EObject element) {
        // Only the budget value itself: the partition's other problems belong to other pages.
        if (element instanceof Partition p) {
            return p.getMemory();
        }
        return element instanceof Vm v ? v.getMemory() : null;
    }

    private String fragment(EObject o) {
        return o != null && own != null && o.eResource() == own ? own.getURIFragment(o) : null;
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.orrery.dsl.model.Units;

/**
 * XM_CF memory as Orrery sees it: the board's RAM ({@code MemoryLayout} regions of type {@code ram}), each
 * partition's RAM budget, and every memory area as a region with the owner's own access rights.
 * <p>
 * The flag semantics are XtratuM 2.x's, where an area is read-only and unmapped unless flagged {@code write} and
 * {@code mapped} (xmcparser: user/tools/xmcparser/process_xml.c, SetMemAreaFlags; the kernel grants write access
 * per page only for {@code write} areas: core/kernel/ia32/vmmap.c, SetupPartitionPgd; both lfd/XtratuM at 3dbabf9).
 * Later XM_CF namespaces invert this ({@code read-only}, {@code unmapped}) and are read that way.
 */
final class XmcfMemory {

    private static final Set<String> V2_FLAGS = Set.of("shared", "mapped", "read", "write", "exec", "rom",
            "flag0", "flag1", "flag2", "flag3");
    private static final Set<String> V3_FLAGS = Set.of("shared", "unmapped", "read-only", "uncacheable", "rom",
            "flag0", "flag1", "flag2", "flag3", "tagged", "iommu");

    /** A {@code MemoryLayout/Region}: the hardware's memory map. */
    private record Layout(XmlTree at, long start, long end, boolean ram) {
    }

    /** One {@code Area} of a partition (or of XtratuM itself, {@code owner} null), with its flags read. */
    record Area(XmlTree at, String owner, long start, long size, Set<String> flags, boolean writable) {

        long end() {
            return start + size;
        }

        boolean shared() {
            return flags.contains("shared");
        }

        String access() {
            return (writable ? "rw" : "r") + (flags.contains("exec") ? "x" : "");
        }
    }

    private final List<Layout> layout = new ArrayList<>();
    private final boolean version2;
    private final XmcfFindings findings;

    XmcfMemory(XmlTree root, XmcfFindings findings) throws XmcfException {
        this.findings = findings;
        this.version2 = root.namespace.isEmpty() || root.namespace.matches("(?i).*xm-2(\\.\\d+)*");
        for (XmlTree r : root.path("XMHypervisor/HwDescription/MemoryLayout/Region")) {
            long start = XmcfValues.hex(r, "start");
            layout.add(new Layout(r, start, start + XmcfValues.bytes(r, "size"), r.attr("type", "ram").equalsIgnoreCase("ram")));
        }
    }

    /** The board's RAM: the {@code ram} regions of the memory layout. */
    long boardRam() throws XmcfException {
        long ram = 0;
        for (Layout l : layout) {
            if (l.ram) {
                ram = XmcfValues.totalBytes(l.at, "the RAM regions", ram + (l.end - l.start));
            }
        }
        return ram;
    }

    Area area(XmlTree a, String owner) throws XmcfException {
        long start = XmcfValues.hex(a, "start");
        long size = XmcfValues.bytes(a, "size");
        Set<String> flags = new LinkedHashSet<>();
        for (String f : a.attr("flags", "").trim().split("\\s+")) {
            if (!f.isEmpty()) {
                flags.add(f.toLowerCase(Locale.ROOT));
            }
        }
        Area area = new Area(a, owner, start, size, flags, version2 ? flags.contains("write") : !flags.contains("read-only"));
        check(area);
        return area;
    }

    private void check(Area a) {
        String what = "Memory area " + span(a) + (a.owner == null ? " of XtratuM" : " of partition '" + a.owner + "'");
        for (String f : a.flags) {
            if (!(version2 ? V2_FLAGS : V3_FLAGS).contains(f)) {
                warn(a.at, what + " has the flag '" + f + "', which this XM_CF version does not define; it is "
                        + "ignored. Write one of: " + String.join(", ", new TreeSet<>(version2 ? V2_FLAGS : V3_FLAGS)) + ".");
            } else if (f.matches("flag[0-3]|tagged|iommu")) {
                warn(a.at, what + ": flag '" + f + "' has no Orrery equivalent and is dropped; the region keeps "
                        + "its address, size and access. Note its meaning in the region's comment if the application relies on it.");
            }
        }
        if (!layout.isEmpty() && layout.stream().noneMatch(l -> l.start <= a.start && a.end() <= l.end)) {
            warn(a.at, what + " lies in no <MemoryLayout> region: xmcparser refuses such an area (constraint "
                    + "'Memory area inside any region'); Orrery imports it as device memory outside the RAM budget. Add a "
                    + "<Region> that covers it, or correct its start and size.");
        }
    }

    /** RAM that belongs to one partition: not ROM or device memory, not shared with others. */
    boolean privateRam(Area a) {
        return !a.shared() && !a.flags.contains("rom")
                && layout.stream().anyMatch(l -> l.ram && l.start <= a.start && a.end() <= l.end);
    }

    /** The partition's memory budget: its private RAM (see {@link #privateRam}). */
    long budget(XmlTree partition, String name, List<Area> areas) throws XmcfException {
        long sum = 0;
        for (Area a : areas) {
            if (privateRam(a)) {
                sum = XmcfValues.totalBytes(partition, "the memory areas of partition " + name, sum + a.size());
            }
        }
        return sum;
    }

    /**
     * Writes each area as a region with its owner's rights. Shared areas with the same extent and rights in several
     * partitions become one region for all of them; everything else keeps one region per area, so that overlaps
     * XtratuM refuses (neither area shared) are Orrery's {@code region-overlap} errors too.
     */
    void regions(StringBuilder b, List<Area> areas, UnaryOperator<String> regionName) {
        Map<String, List<Area>> merged = new LinkedHashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            Area a = areas.get(i);
            String key = a.shared() && a.owner != null ? a.start + "/" + a.size + "/" + a.access() : "#" + i;
            merged.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (List<Area> group : merged.values()) {
            Area a = group.get(0);
            String owner = a.owner == null ? "xtratum" : a.owner;
            int n = counters.merge(owner, 1, Integer::sum) - 1;
            b.append("// XM_CF line ").append(a.at.line).append(": flags \"").append(String.join(" ", a.flags)).append("\": ")
                    .append(kind(a)).append('\n');
            b.append("region ").append(regionName.apply(owner + "_area" + n)).append(" at 0x").append(Long.toHexString(a.start))
                    .append(" size ").append(Units.formatBytes(a.size)).append(' ').append(a.access());
            if (a.shared()) {
                b.append(" shared");
            }
            List<String> owners = group.stream().map(Area::owner).filter(o -> o != null).distinct().toList();
            if (!owners.isEmpty()) {
                b.append(" for ").append(String.join(", ", owners));
            }
            b.append('\n');
        }
        if (!areas.isEmpty()) {
            b.append('\n');
        }
    }

    private String kind(Area a) {
        String k;
        if (a.owner == null) {
            k = "XtratuM's own memory, granted to no partition";
        } else if (privateRam(a)) {
            k = "RAM, in the partition's memory budget";
        } else if (a.shared() && !a.flags.contains("rom") && layout.stream().anyMatch(l -> l.ram && l.start <= a.start && a.end() <= l.end)) {
            k = "shared RAM, outside the partitions' budgets";
        } else {
            k = "ROM or device memory, outside the RAM budget";
        }
        boolean mapped = version2 ? a.flags.contains("mapped") : !a.flags.contains("unmapped");
        return mapped || a.owner == null ? k : k + "; not mapped at boot in XtratuM (the partition maps it itself), granted from the start here";
    }

    private void warn(XmlTree at, String message) {
        findings.warn(at, message);
    }

    private static String span(Area a) {
        return "[0x" + Long.toHexString(a.start) + ", 0x" + Long.toHexString(a.end()) + ")";
    }
}

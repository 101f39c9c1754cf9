// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.dsl.xtratum.XmcfImport;
import org.orrery.dsl.xtratum.XmcfImporter;
import org.orrery.os.config.MemoryAccess;
import org.orrery.os.config.MemoryRegion;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/**
 * XtratuM 2.4's own example configurations (fixtures/vendor/README.md: origin and licence) import and check without
 * errors. The memory semantics the assertions rely on are XtratuM's (lfd/XtratuM at 3dbabf9): overlapping areas are
 * refused unless one is {@code shared} (user/tools/xmcparser/constraints.c, CheckMemoryAreasOverlap); an area is
 * writable only when flagged {@code write} (user/tools/xmcparser/process_xml.c, SetMemAreaFlags, and
 * core/kernel/ia32/vmmap.c, SetupPartitionPgd); {@code MemoryLayout} regions of type {@code rom} hold no RAM
 * (core/kernel/mmu/physmm.c keeps page tables for RAM regions only).
 */
class XmcfPublicImportTest {

    private static final SystemCompiler COMPILER = SystemCompiler.create();
    private static final long MIB = 1L << 20;

    private record Imported(XmcfImport xmcf, Compilation compilation, String report) {

        SystemConfig config() {
            return compilation.config().orElseThrow(() -> new AssertionError(report));
        }

        long warnings(String code) {
            return compilation.diagnostics().stream()
                    .filter(d -> d.code().equals(code) && d.severity() == Diagnostic.Severity.WARNING).count();
        }

        boolean warned(int line, String text) {
            return xmcf.warnings().stream().anyMatch(w -> w.line() == line && w.message().contains(text));
        }
    }

    private static Imported importVendor(String name, Path dir) throws Exception {
        XmcfImport imported;
        try (InputStream in = Files.newInputStream(Fixtures.fixture("vendor/xtratum/" + name))) {
            imported = new XmcfImporter(COMPILER.keywords()).importFrom(in);
        }
        Path file = dir.resolve(name.replace(".xml", ".orrery"));
        Files.writeString(file, imported.text());
        Compilation c = COMPILER.compile(file);
        String report = imported.text() + "\n" + imported.warnings() + "\n"
                + c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        // what `orrery check` reports: no error, for a configuration XtratuM's tools accept
        assertEquals(List.of(), c.errors().stream().map(Diagnostic::format).toList(), report);
        return new Imported(imported, c, report);
    }

    private static MemoryRegion regionAt(SystemConfig s, long base, String partition) {
        return s.memoryRegions().stream().filter(r -> r.base() == base && r.partitions().contains(partition)).findFirst()
                .orElseThrow(() -> new AssertionError("no region at 0x" + Long.toHexString(base) + " for " + partition));
    }

    private static List<Long> durations(PlanConfig plan) {
        return plan.windows().stream().map(WindowConfig::durationNs).toList();
    }

    /**
     * Two Linux partitions with sampling channels. ROM, DMI and PCI areas (1.3 GB) are not RAM; the only
     * overlap is a shared ROM area of Partition1 over a read-only BIOS area of Partition2, which XtratuM allows.
     */
    @Test
    void twoLinuxPartitionsWithSamplingChannels(@TempDir Path dir) throws Exception {
        Imported i = importVendor("l2x0-2linux_with_schannels.xml", dir);
        SystemConfig s = i.config();
        assertEquals(List.of("Partition1", "Partition2"), s.partitions().stream().map(p -> p.name()).toList());
        assertEquals(640L * 1024 + 511 * MIB, s.board().memorySize(), "the MemoryLayout's ram regions");
        assertEquals(256 * MIB, s.partition("Partition1").orElseThrow().memoryBudget(), i.report);
        assertEquals(64 * MIB, s.partition("Partition2").orElseThrow().memoryBudget(), i.report);
        assertEquals(List.of("plan0", "plan1"), s.plans().stream().map(PlanConfig::name).toList());
        assertEquals(List.of(30_000_000L, 20_000_000L), durations(s.plan("plan0").orElseThrow()));
        assertEquals(List.of(25_000_000L, 25_000_000L), durations(s.plan("plan1").orElseThrow()));
        assertEquals(2, s.channels().size());
        assertEquals(1_000L, s.partition("Partition2").orElseThrow().port("rport").orElseThrow().refreshPeriodNs());
        // each partition keeps its own rights on the bytes both see: Partition2's BIOS copy is read-only and its own
        MemoryRegion bios2 = regionAt(s, 0xe0000L, "Partition2");
        assertEquals(MemoryAccess.READ, bios2.access());
        assertEquals(List.of("Partition2"), bios2.partitions());
        MemoryRegion reserved1 = regionAt(s, 0xa0000L, "Partition1");
        assertEquals(MemoryAccess.READ_WRITE, reserved1.access());
        assertTrue(reserved1.shared());
        // the VIRTIO window, shared with the same flags by both: one region for the two
        assertEquals(List.of("Partition1", "Partition2"), regionAt(s, 0x19c00000L, "Partition1").partitions());
        assertEquals(1, i.warnings(OrreryIssueCodes.SHARED_REGION_OVERLAP), i.report);
        assertEquals(1, i.warnings(OrreryIssueCodes.REFRESH_BELOW_PERIOD), i.report);
        // this file's DMI area lies outside its MemoryLayout (xmcparser's own constraint would refuse it): a warning here
        assertTrue(i.warned(35, "lies in no <MemoryLayout> region"), i.report);
        assertTrue(i.warned(48, "Interrupt lines 1 2 3 5 6 7 8 9 10 11 12 13 14 15 of partition 'Partition1'"), i.report);
        assertTrue(i.warned(49, "(5 ranges, 65482 ports)"), i.report);
    }

    /**
     * Three Linux partitions: the BIOS area is writable for Partition1 and read-only for Partition2 and 3 (one
     * region for the two), and each VIRTIO window is shared by two partitions and lies inside the third partition's
     * private RAM (a warning: the other partition reaches that RAM).
     */
    @Test
    void threeLinuxPartitionsKeepTheirOwnRights(@TempDir Path dir) throws Exception {
        Imported i = importVendor("l3x0-3linux.xml", dir);
        SystemConfig s = i.config();
        assertEquals(3, s.partitions().size());
        assertEquals(List.of(256 * MIB, 75 * MIB, 75 * MIB), s.partitions().stream().map(p -> p.memoryBudget()).toList());
        assertEquals(List.of(3_000_000L, 3_000_000L, 3_000_000L, 3_000_000L), durations(s.plan("plan1").orElseThrow()));
        assertEquals(12_000_000L, s.plan("plan1").orElseThrow().frames().get(0).majorFrameNs());
        assertEquals(0, s.channels().size());
        // Partition2 and 3 run only in plan 1: reachable because the supervisor partitions may switch to it
        assertTrue(s.planSwitchRules().contains(new PlanSwitchRule("plan0", "plan1", "Partition1")), s.planSwitchRules().toString());
        assertFalse(s.planSwitchRules().stream().anyMatch(r -> r.toPlan().equals("plan0")), "XtratuM switches to plan 0 never");
        MemoryRegion bios = regionAt(s, 0xe0000L, "Partition2");
        assertEquals(List.of("Partition2", "Partition3"), bios.partitions());
        assertEquals(MemoryAccess.READ, bios.access());
        assertFalse(bios.partitions().contains("Partition1"), "Partition1's writable view is a region of its own");
        assertEquals(MemoryAccess.READ_WRITE, regionAt(s, 0xa0000L, "Partition1").access());
        assertEquals(2, i.warnings(OrreryIssueCodes.SHARED_REGION_OVERLAP), i.report);
        assertTrue(i.xmcf().text().contains("system-partition"), "flags=\"sv\" makes a system partition");
    }

    /**
     * The health-monitor example: a shared area read-only for Partition1 ({@code shared mapped}) and writable for
     * Partition2 ({@code shared mapped write}). Each partition gets exactly its own rights, never the other's.
     */
    @Test
    void sharedAreaKeepsEachPartitionsRights(@TempDir Path dir) throws Exception {
        Imported i = importVendor("l0x3-hmmonitor.xml", dir);
        SystemConfig s = i.config();
        assertEquals(List.of(256L << 10, 256L << 10, 256L << 10), s.partitions().stream().map(p -> p.memoryBudget()).toList());
        assertEquals(List.of(1_000_000_000L, 500_000_000L, 500_000_000L), durations(s.plan("plan0").orElseThrow()));
        MemoryRegion reader = regionAt(s, 0x10C0000L, "Partition1");
        MemoryRegion writer = regionAt(s, 0x10C0000L, "Partition2");
        assertEquals(MemoryAccess.READ, reader.access());
        assertEquals(List.of("Partition1"), reader.partitions());
        assertEquals(MemoryAccess.READ_WRITE, writer.access());
        assertEquals(List.of("Partition2"), writer.partitions());
        assertTrue(reader.shared() && writer.shared());
        assertEquals(MemoryAccess.READ, regionAt(s, 0x1100000L, "Partition1").access());
        assertEquals(MemoryAccess.READ_WRITE, regionAt(s, 0x1100000L, "Partition3").access());
        assertEquals(0, i.warnings(OrreryIssueCodes.SHARED_REGION_OVERLAP), "both sides are shared: sharing as declared");
        assertTrue(i.warned(3, "XtratuM logs health-monitor events to device 'MemDisk0'"), i.report);
        assertTrue(i.warned(7, "<Trace> of XtratuM (device 'MemDisk1', bitmask 0x3)"), i.report);
        assertTrue(i.warned(30, "<Trace> of partition 'Partition1'"), i.report);
        assertTrue(i.warned(53, "<MemoryBlockTable> is not imported"), i.report);
    }

    /** A skeleton with spare-time scheduling flags and a NIC's register windows, not mapped at boot. */
    @Test
    void sharedSkeletonWithSpareScheduling(@TempDir Path dir) throws Exception {
        Imported i = importVendor("l2sh.xml", dir);
        SystemConfig s = i.config();
        assertEquals(List.of(256 * MIB, 218 * MIB, 2 * MIB), s.partitions().stream().map(p -> p.memoryBudget()).toList());
        assertEquals(List.of(1_000_000L, 1_000_000L, 1_000_000L), durations(s.plan("plan1").orElseThrow()));
        assertEquals(2, s.channels().size());
        MemoryRegion nic = regionAt(s, 0xcfde0000L, "Partition1");
        assertEquals(MemoryAccess.READ_WRITE, nic.access());
        assertFalse(nic.shared());
        assertTrue(i.xmcf().text().contains("not mapped at boot"), i.report);
        assertTrue(i.warned(34, "spare-scheduling flag 'spguest'"), i.report);
        assertTrue(i.warned(76, "spare-scheduling flag 'sphost'"), i.report);
        assertEquals(2, i.warnings(OrreryIssueCodes.REFRESH_BELOW_PERIOD), i.report);
    }
}

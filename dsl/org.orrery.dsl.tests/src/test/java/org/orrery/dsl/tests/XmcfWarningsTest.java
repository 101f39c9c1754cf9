// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * What XM_CF says and Orrery cannot ({@code fixtures/xtratum/warnings.xml}): each is imported with a warning at its
 * element that says what Orrery does instead, never dropped silently and never an error. The element meanings are
 * xmcparser's (lfd/XtratuM at 3dbabf9, user/tools/xmcparser/xmc.xsd.S and process_xml.c).
 */
class XmcfWarningsTest {

    static final String FIXTURE = "xtratum/warnings.xml";

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    /** {line, column, message}: every warning the importer writes, in input order. */
    static List<Object[]> expected() {
        String driverArea = "Memory area [0x%s) of partition 'driver'";
        return List.of(
            row(5, 3, "The console device 'Uart' of XtratuM is not imported: Orrery's board has one console, and every "
                    + "partition's output goes to it."),
            row(5, 3, "XtratuM logs health-monitor events to device 'HmLog'; Orrery records every health-monitor event in "
                    + "the run's trace ('orrery run --trace DIR') instead, so the device is not imported."),
            row(26, 7, "Health-monitor event 'XM_HM_EV_IA32_MACHINE_CHECK' maps to Orrery's HARDWARE_FAULT, like an earlier "
                    + "event of the same table; Orrery keeps the earlier event's action (RESET_MODULE) for both. Order the "
                    + "events so that the action you want for HARDWARE_FAULT comes first."),
            row(28, 5, "<Trace> of XtratuM (device 'MemDisk0', bitmask 0x3) is not imported: Orrery traces every partition, "
                    + "all events, into the run's CTF trace ('orrery run --trace DIR')."),
            row(31, 5, "Partition 'driver' has the spare-scheduling flag 'sphost', which Orrery does not have: the partition "
                    + "runs in its own windows only. Add windows for the time it should get."),
            row(31, 5, "The console device 'Uart' of partition 'driver' is not imported: Orrery's board has one console, and "
                    + "every partition's output goes to it."),
            row(34, 9, driverArea.formatted("7000000, 0x7010000") + ": flag 'flag2' has no Orrery equivalent and is dropped; "
                    + "the region keeps its address, size and access. Note its meaning in the region's comment if the "
                    + "application relies on it."),
            row(35, 9, driverArea.formatted("7100000, 0x7110000") + " has the flag 'cached', which this XM_CF version does "
                    + "not define; it is ignored. Write one of: exec, flag0, flag1, flag2, flag3, mapped, read, rom, shared, write."),
            row(36, 9, driverArea.formatted("fe000000, 0xfe001000") + " lies in no <MemoryLayout> region: xmcparser refuses "
                    + "such an area (constraint 'Memory area inside any region'); Orrery imports it as device memory outside "
                    + "the RAM budget. Add a <Region> that covers it, or correct its start and size."),
            row(39, 9, "Interrupt lines 3 4 of partition 'driver' are not imported: Orrery partitions do not own hardware "
                    + "interrupts. Declare the devices the partition drives, with their 'irq', in a 'bsp'."),
            row(40, 9, "I/O ports of partition 'driver' (2 ranges, 16 ports) are not imported: Orrery grants memory regions, "
                    + "not I/O ports. Reach devices through memory-mapped regions or a 'bsp' device."),
            row(45, 7, "<Trace> of partition 'driver' (device 'MemDisk0', bitmask 0x1) is not imported: Orrery traces every "
                    + "partition, all events, into the run's CTF trace ('orrery run --trace DIR')."),
            row(47, 5, "Partition 'idle' has no 'boot' flag: XtratuM keeps it halted until a system partition starts it, "
                    + "Orrery starts every partition at boot. Give it windows only in plans it should run in if it must not "
                    + "run from the start."),
            row(54, 5, "Device <PcUart> 'Uart' is not imported: Orrery's board has one console that all partitions write to. "
                    + "Describe other devices in a 'bsp'."),
            row(55, 5, "<MemoryBlockTable> is not imported (its blocks serve XtratuM as trace or storage devices): Orrery "
                    + "writes traces to files of the host ('orrery run --trace DIR'). Declare NVRAM or flash devices in a "
                    + "'bsp' for storage a partition needs."));
    }

    private static Object[] row(int line, int column, String message) {
        return new Object[] {line, column, message};
    }

    @Test
    void everyUnrepresentableElementIsAWarningAtItsLine(@TempDir Path dir) throws Exception {
        Path xml = Fixtures.fixture(FIXTURE);
        XmcfImport imported;
        try (InputStream in = Files.newInputStream(xml)) {
            imported = new XmcfImporter(COMPILER.keywords()).importFrom(in);
        }
        List<String> actual = imported.warnings().stream().map(w -> w.toDiagnostic(xml).format()).toList();
        List<String> wanted = expected().stream().map(r -> new Diagnostic(xml, (int) r[0], (int) r[1],
                Diagnostic.Severity.WARNING, OrreryIssueCodes.XMCF, (String) r[2]).format()).toList();
        assertEquals(String.join("\n", wanted), String.join("\n", actual));

        // warnings, not errors: the system is still imported and checks clean of errors
        Path file = dir.resolve("warnings.orrery");
        Files.writeString(file, imported.text());
        Compilation c = COMPILER.compile(file);
        assertEquals(List.of(), c.errors(), () -> imported.text() + "\n"
                + c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        assertTrue(imported.text().contains("flags \"mapped write flag2\""), "the dropped flag stays visible in a comment");
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.xtratum.XmcfImporter;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.MemoryAccess;
import org.orrery.os.config.MemoryRegion;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;

/** A whole XM_CF system imported and compiled; the ways an import fails are {@link XmcfErrorsTest}. */
class XmcfImportTest {

    /** The XM_CF file that imports into a clean system: the positive fixture of the {@code xmcf} code. */
    static final String POSITIVE = "xtratum/two-cores.xml";

    private static final SystemCompiler COMPILER = SystemCompiler.create();

    private static String importFixture() throws Exception {
        try (InputStream in = Files.newInputStream(Fixtures.fixture(POSITIVE))) {
            return new XmcfImporter(COMPILER.keywords()).importFrom(in).text();
        }
    }

    @Test
    void importedSystemCompilesAndKeepsTheStructure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("imported.orrery");
        Files.writeString(file, importFixture());
        String text = Files.readString(file);
        Compilation c = COMPILER.compile(file);
        assertTrue(c.errors().isEmpty(), () -> text + "\n"
                + c.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        SystemConfig s = c.config().orElseThrow();
        assertEquals("demo_xm", s.name());
        assertEquals(2, s.board().cores());
        assertEquals(512L << 20, s.board().memorySize());
        assertEquals(100_000L, s.board().timerTickNs(), "2.5 ms slots need the coarsest decimal tick below 1 ms");
        assertEquals(java.util.List.of("Supervisor", "worker_1", "logger"), s.partitions().stream().map(p -> p.name()).toList());
        assertEquals(java.util.List.of("plan0", "plan1"), s.plans().stream().map(p -> p.name()).toList());
        assertEquals("plan0", s.initialPlan());
        assertEquals(3, s.plan("plan0").orElseThrow().windows().size());
        assertEquals(2_500_000L, s.plan("plan0").orElseThrow().windows().get(2).durationNs());
        assertEquals(2, s.channels().size());
        assertEquals(PortKind.SAMPLING, s.channels().get(0).kind());
        assertEquals(2, s.channels().get(0).destinations().size());
        assertEquals(8, s.partition("worker_1").orElseThrow().port("cmd").orElseThrow().queueDepth());
        assertEquals(40_000_000L, s.partition("logger").orElseThrow().port("state").orElseThrow().refreshPeriodNs());
        // the budget is the partition's private RAM; the shared area is not counted against either partition
        assertEquals(2L << 20, s.partition("worker_1").orElseThrow().memoryBudget());
        // the shared area appears once, granted to both partitions, read-only: neither area says 'write'
        // (XtratuM 2.x areas are writable only when flagged so: xmcparser process_xml.c, kernel ia32/vmmap.c)
        MemoryRegion shared = s.memoryRegions().stream().filter(r -> r.partitions().size() == 2).findFirst().orElseThrow();
        assertEquals(java.util.List.of("Supervisor", "worker_1"), shared.partitions());
        assertTrue(shared.shared());
        assertEquals(MemoryAccess.READ, shared.access());
        // XtratuM's own memory is kept, granted to no partition, so an area over it would be an overlap here too
        assertTrue(s.memoryRegions().stream().anyMatch(r -> r.base() == 0x1000000L && r.partitions().isEmpty()));
        HmTable module = s.hmTables().stream().filter(t -> t.partition().isEmpty()).findFirst().orElseThrow();
        assertEquals(ErrorCode.HARDWARE_FAULT, module.rules().get(0).error());
        assertEquals(HmAction.RESET_MODULE, module.rules().get(0).action());
        assertEquals(1, module.rules().size(), "the second event maps to the same code and is kept as a comment");
        HmTable sup = s.hmTables().stream().filter(t -> t.partition().equals("Supervisor")).findFirst().orElseThrow();
        assertEquals(HmAction.IDLE_PARTITION, sup.rules().stream().filter(r -> r.error() == ErrorCode.WINDOW_OVERRUN)
                .findFirst().orElseThrow().action());
    }

    @Test
    void keywordNamesAreEscaped(@TempDir Path dir) throws Exception {
        String text = importFixture();
        assertTrue(text.contains("port ^state sampling in"), text);
    }
}

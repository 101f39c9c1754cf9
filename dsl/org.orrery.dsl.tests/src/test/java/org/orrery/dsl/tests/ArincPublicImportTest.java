// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.dsl.arinc.ArincImport;
import org.orrery.dsl.arinc.ArincImporter;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;

/** An ARINC 653 module file written for the AIR hypervisor (fixtures/vendor/README.md) imports and checks. */
class ArincPublicImportTest {

    /** The positive fixture of the {@code arinc-import} code. */
    static final String POSITIVE = "vendor/air/ports-config.xml";

    @Test
    void airPortsExampleImportsWithItsExtensionsReported(@TempDir Path dir) throws Exception {
        ArincImport imported;
        try (InputStream in = Files.newInputStream(Fixtures.fixture(POSITIVE))) {
            imported = ArincImporter.importFrom(in);
        }
        SystemConfig c = ArincRoundTripTest.compile(imported, dir);
        assertEquals(List.of("send", "recv", "recv2"), c.partitions().stream().map(p -> p.name()).toList());
        assertEquals(1_500_000_000L, c.partition("recv").orElseThrow().port("RECV_SAMP").orElseThrow().refreshPeriodNs());
        assertEquals(32, c.partition("recv2").orElseThrow().port("QSAMPLE").orElseThrow().queueDepth());
        assertEquals(PortKind.SAMPLING, c.channels().get(0).kind());
        assertEquals(2, c.channels().get(0).destinations().size());
        assertEquals("queuing", c.channels().get(1).name(), "a keyword as name survives, escaped in the text");
        assertEquals(1_000_000_000L, c.plans().get(0).windows().get(2).startNs());
        // AIR's own elements: one warning per element, with its line
        List<String> skipped = imported.warnings().stream().filter(w -> w.message().contains("is not ARINC 653 or Orrery"))
                .sorted(java.util.Comparator.comparingInt(ArincImport.Finding::line)).map(w -> w.line() + ":" + w.message().substring(0, w.message().indexOf('>') + 1)).toList();
        assertEquals(List.of("18:<PartitionConfiguration>", "34:<PartitionConfiguration>", "52:<PartitionConfiguration>",
                "102:<AIR_Configuration>"), skipped);
        assertTrue(imported.warnings().stream().anyMatch(w -> w.message().startsWith("EntryPoint 'entry_func'")), imported.warnings().toString());
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.generator.ResourceReport;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.memory.Bar;
import org.orrery.studio.diagram.memory.MemoryMap;
import org.orrery.studio.diagram.memory.MemoryMapBuilder;
import org.orrery.studio.diagram.memory.Segment;

class MemoryMapTest {

    private static final Pattern BUDGET = Pattern.compile("  (partition|vm) (\\S+)\\s+\\+0x([0-9a-f]+) (\\d+) (B|KiB|MiB|GiB)");
    private static final Pattern FREE = Pattern.compile("  free\\s+(-?\\d+) (B|KiB|MiB|GiB)");

    static MemoryMap map(SystemModelSession s) {
        return MemoryMapBuilder.build(s.system(), s.diagnostics());
    }

    /** The budget bar equals the generator's memory-map report, line by line. */
    @Test
    void budgetsMatchTheGeneratorsReport() throws IOException {
        for (String example : List.of("flight-control", "wan-router", "mixed-criticality")) {
            Path file = Fixtures.examples().resolve(example).resolve("system.orrery");
            Compilation c = SystemCompiler.create().compile(file);
            String report = ResourceReport.memoryMap(c.config().orElseThrow(() -> new AssertionError(c.diagnostics())));
            MemoryMap m = map(TopologyBuilderTest.example(example));
            Matcher b = BUDGET.matcher(report);
            int i = 0;
            while (b.find()) {
                Segment s = m.ram().segments().get(i++);
                assertEquals(b.group(1), s.kind() == Segment.Kind.VM ? "vm" : "partition", example);
                assertEquals(b.group(2), s.label(), example);
                assertEquals(Long.parseLong(b.group(3), 16), s.start(), example + " " + s.label());
                assertEquals(bytes(b.group(4), b.group(5)), s.size(), example + " " + s.label());
            }
            assertEquals(i, m.ram().segments().size(), example);
            Matcher f = FREE.matcher(report);
            assertTrue(f.find(), report);
            assertEquals(bytes(f.group(1), f.group(2)), m.ram().free(), example);
            assertEquals(c.config().get().board().memorySize(), m.ram().size(), example);
        }
    }

    private static long bytes(String value, String unit) {
        int shift = switch (unit) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            case "GiB" -> 30;
            default -> 0;
        };
        return Long.parseLong(value) << shift;
    }

    @Test
    void boardRegionsOfTheRouterBsp() throws IOException {
        MemoryMap m = map(TopologyBuilderTest.example("wan-router"));
        assertEquals("router_board", m.board());
        assertEquals(List.of("ram", "mmio", "boot_rom"), m.boardRegions().stream().map(Bar::name).toList());
        Bar rom = m.bar("boot_rom").orElseThrow();
        assertEquals(0xffff_0000L, rom.base());
        assertEquals(64 << 10, rom.size());
        assertEquals("rx", rom.access());
        assertTrue(m.bars().stream().noneMatch(Bar::flagged));
    }

    static final String REGIONS = """
            system regions
            board sim {
                memory 64 MiB
                tick 1 ms
            }
            region shared at 0x1000_0000 size 1 MiB rw for a, b
            region dma at 0x1008_0000 size 1 MiB rw for b
            partition a {
                memory 40 MiB
            }
            partition b {
                memory 32 MiB
            }
            plan p initial {
                core 0 major-frame 10 ms {
                    window a at 0 ms duration 5 ms
                    window b at 5 ms duration 5 ms
                }
            }
            """;

    @Test
    void overlapsAndOverBudgetAreFlaggedWithTheTextsDiagnostics() {
        SystemModelSession s = Fixtures.inline(REGIONS);
        MemoryMap m = map(s);
        Bar dma = m.bar("dma").orElseThrow();
        Segment overlap = dma.segments().stream().filter(g -> g.kind() == Segment.Kind.OVERLAP).findFirst().orElseThrow();
        assertEquals(0x1008_0000L, overlap.start());
        assertEquals(512 << 10, overlap.size());
        ModelDiagnostic d = overlap.diagnostics().get(0);
        assertEquals("region-overlap", d.code());
        // Same message as the command line and the text editor show.
        Compilation c = SystemCompiler.create().compileSource(Path.of("regions.orrery"), REGIONS);
        assertTrue(c.diagnostics().stream().anyMatch(x -> x.code().equals(d.code()) && x.message().equals(d.message())),
                c.diagnostics().toString());
        assertEquals(List.of("a", "b"), m.bar("shared").orElseThrow().partitions());

        assertEquals(-8L << 20, m.ram().free());
        assertEquals(List.of("memory-over-budget"), m.ram().diagnostics().stream().map(ModelDiagnostic::code).toList());
    }

    @Test
    void systemRegionsFillTheBoardRegionThatHoldsThem() {
        SystemModelSession s = Fixtures.inline("""
                system held
                bsp card {
                    tick 1 ms
                    region sram at 0x2000_0000 size 4 MiB rw
                }
                board card
                region mailbox at 0x2000_0000 size 1 MiB rw for a
                region log at 0x2020_0000 size 1 MiB rw for a
                partition a {
                    memory 2 MiB
                }
                plan p initial {
                    core 0 major-frame 10 ms {
                        window a at 0 ms duration 10 ms
                    }
                }
                """);
        MemoryMap m = map(s);
        Bar sram = m.bar("sram").orElseThrow();
        assertEquals(List.of("mailbox", "log"), sram.segments().stream().map(Segment::label).toList());
        assertEquals(2L << 20, sram.used());
        assertEquals(2L << 20, sram.free());
        assertEquals(4L << 20, m.ram().size());
    }
}

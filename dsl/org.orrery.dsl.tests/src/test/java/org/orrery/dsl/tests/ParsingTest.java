// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Board;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.Window;

import com.google.inject.Inject;
import com.google.inject.Provider;

@ExtendWith(InjectionExtension.class)
@InjectWith(OrreryInjectorProvider.class)
class ParsingTest {

    @Inject
    private ParseHelper<Model> parser;

    @Inject
    private Provider<ResourceSet> resourceSets;

    @ParameterizedTest
    @ValueSource(strings = {"flight-control", "satellite-obc", "wan-router", "mixed-criticality"})
    void examplesParseWithoutSyntaxErrors(String example) throws Exception {
        Model m = parser.parse(Files.readString(Fixtures.example(example)));
        assertNotNull(m.getSystem());
        assertEquals(java.util.List.of(), m.eResource().getErrors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosted-linux-x86_64", "hosted-linux-aarch64", "sim"})
    void builtInBoardsAreKeywords(String board) throws Exception {
        Model m = parser.parse("system s board " + board + " { cores 4 memory 1 GiB tick 250 us }");
        assertEquals(java.util.List.of(), m.eResource().getErrors());
        Board b = (Board) m.getElements().get(0);
        assertEquals(board, b.getBuiltin().getLiteral());
        assertEquals(4, b.getCores());
        assertEquals(1L << 30, Units.bytes(b.getMemory()));
        assertEquals(250_000L, Units.nanos(b.getTick()));
    }

    @Test
    void unitsConvertToNanosecondsAndBytes() throws Exception {
        Model m = parser.parse("""
                system s
                plan p { core 0 major-frame 2 s {
                    window x at 3 us duration 7 ns
                } }
                partition x { memory 3 KiB }
                """);
        Plan p = (Plan) m.getElements().get(0);
        Window w = p.getCores().get(0).getWindows().get(0);
        assertEquals(2_000_000_000L, Units.nanos(p.getCores().get(0).getMajorFrame()));
        assertEquals(3_000L, Units.nanos(w.getStart()));
        assertEquals(7L, Units.nanos(w.getDuration()));
        assertEquals(3L << 10, Units.bytes(((Partition) m.getElements().get(1)).getMemory()));
        assertSame(m.getElements().get(1), w.getPartition(), "window refers to the partition declared after it");
    }

    @Test
    void portsAreReferencedByQualifiedName() throws Exception {
        Model m = parser.parse("""
                system s
                partition a { port x sampling out size 4 B }
                partition b { port x sampling in size 4 B }
                channel c sampling from a.x to b.x
                """);
        EcoreUtil.resolveAll(m);
        Channel c = (Channel) m.getElements().get(2);
        assertFalse(c.getSource().eIsProxy());
        assertEquals("a", ((Partition) c.getSource().eContainer()).getName());
        Port dest = c.getDestinations().get(0);
        assertEquals("b", ((Partition) dest.eContainer()).getName());
        assertTrue(m.eResource().getErrors().isEmpty());
    }

    @Test
    void hexAddressesWithSeparators() throws Exception {
        Model m = parser.parse("region r at 0xffff_0000 size 4 KiB rx");
        assertEquals(0xffff_0000L, ((org.orrery.dsl.orrery.MemoryRegion) m.getElements().get(0)).getAddress());
    }

    @Test
    void importMakesAnotherFilesPartitionsVisible() throws Exception {
        ResourceSet set = resourceSets.get();
        var dir = Files.createTempDirectory("orrery-import");
        Files.writeString(dir.resolve("parts.orrery"), "partition remote { cores 0 }\n");
        Files.writeString(dir.resolve("main.orrery"), """
                import "parts.orrery"
                system s
                plan p { core 0 major-frame 10 ms { window remote at 0 ms duration 1 ms } }
                """);
        var r = set.getResource(URI.createFileURI(dir.resolve("main.orrery").toString()), true);
        Model m = (Model) r.getContents().get(0);
        Window w = ((Plan) m.getElements().get(0)).getCores().get(0).getWindows().get(0);
        assertFalse(w.getPartition().eIsProxy(), "imported partition resolved");
        assertEquals("remote", w.getPartition().getName());
    }

    @Test
    void withoutImportOtherFilesAreInvisible() throws Exception {
        ResourceSet set = resourceSets.get();
        var dir = Files.createTempDirectory("orrery-noimport");
        Files.writeString(dir.resolve("parts.orrery"), "partition remote { cores 0 }\n");
        Files.writeString(dir.resolve("main.orrery"), """
                system s
                plan p { core 0 major-frame 10 ms { window remote at 0 ms duration 1 ms } }
                """);
        set.getResource(URI.createFileURI(dir.resolve("parts.orrery").toString()), true);
        var r = set.getResource(URI.createFileURI(dir.resolve("main.orrery").toString()), true);
        Window w = ((Plan) ((Model) r.getContents().get(0)).getElements().get(0)).getCores().get(0).getWindows().get(0);
        assertTrue(w.getPartition().eIsProxy(), "a file not imported must stay invisible");
    }
}

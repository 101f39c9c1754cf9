// SPDX-License-Identifier: EPL-2.0
import java.nio.file.Files;
import java.nio.file.Path;

import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.memory.MemoryMap;
import org.orrery.studio.diagram.memory.MemoryMapBuilder;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyBuilder;

/**
 * Time to lay out the topology (ELK Layered) and to build the memory map of one system, as the pages do when
 * they are brought to front, and to draw the topology again on its layout, as the page does after a channel edit. Reported, not asserted. Arguments: system file, rounds.
 */
public final class TopologyBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SystemModelSession session = SystemModelSession.open(file.toUri(), Files.readString(file));
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Topology t = TopologyBuilder.build(session.system(), session.diagnostics());
            long t1 = System.nanoTime();
            MemoryMap m = MemoryMapBuilder.build(session.system(), session.diagnostics());
            long t2 = System.nanoTime();
            // What the page does after a channel edit: the same boxes, so the laid-out picture is kept.
            TopologyBuilder.Prepared prepared = TopologyBuilder.prepare(session.system(), session.diagnostics());
            long t3 = System.nanoTime();
            Topology kept = prepared.keeping(t).orElseThrow();
            long t4 = System.nanoTime();
            System.out.printf("round %d: %d nodes, %d edges, %.0f x %.0f px: topology %.0f ms (prepared %.0f ms + kept on its"
                    + " layout %.0f ms), memory map (%d bars) %.1f ms%n", i + 1, t.nodes().size(), kept.edges().size(),
                    t.width(), t.height(), (t1 - t0) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, m.bars().size(),
                    (t2 - t1) / 1e6);
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.Document;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.memory.MemoryMap;
import org.orrery.studio.diagram.memory.MemoryMapBuilder;
import org.orrery.studio.diagram.schedule.ScheduleModel;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyBuilder;
import org.orrery.studio.editor.core.LspDocument;
import org.orrery.studio.editor.core.OrreryLanguageService;
import org.orrery.studio.editor.core.Uris;
import org.orrery.toolchain.Build;
import org.orrery.toolchain.Compile;
import org.orrery.toolchain.Compiled;

/**
 * Heap benchmark (reported, not asserted; issue 16's "editor, graphical pages and builder of the 1,000-partition system
 * open together within a 512 MB heap"). Run with -Xmx512m: one JVM opens what Studio holds for one big system, in the
 * order a user meets it, each kept open while the next one comes: the text editor (in-process language server and the
 * editor's document, first diagnostics in), the graphical pages' models (the session with every rule's diagnostics,
 * schedule, topology laid out by ELK, memory map), then the builder's pass over the same file (validation as the
 * Studio builder runs it, then the image built in memory). After each step the retained heap (after full
 * collections); the peak heap use of the whole run from the JVM's memory pools. An OutOfMemoryError is the answer
 * "does not fit".
 */
public final class HeapBenchmark {

    public static void main(String[] args) throws Exception {
        Path system = Path.of(args[0]);
        Path workspace = Files.createTempDirectory("orrery-heap-bench");
        Path file = workspace.resolve(system.getFileName());
        Files.copy(system, file);
        String text = Files.readString(file);
        System.out.printf("%s: %,d bytes; max heap %,d MB%n", file.getFileName(), text.length(),
                Runtime.getRuntime().maxMemory() >> 20);
        long base = retained();
        report("JVM, nothing open", base, base);

        String uri = Uris.of(file);
        LinkedBlockingQueue<Long> published = new LinkedBlockingQueue<>();
        OrreryLanguageService service = OrreryLanguageService.start(workspace.toUri());
        service.onDiagnostics(uri, d -> published.add(System.nanoTime()));
        if (published.poll(10, TimeUnit.MINUTES) == null) {
            throw new IllegalStateException("the language server never built the workspace");
        }
        published.clear();
        LspDocument editor = new LspDocument(service, uri, new Document(text)).open();
        if (published.poll(10, TimeUnit.MINUTES) == null) {
            throw new IllegalStateException("the editor never got its diagnostics");
        }
        long afterEditor = retained();
        report("+ text editor (language server, document)", afterEditor, base);

        SystemModelSession session = SystemModelSession.open(file.toUri(), text);
        ScheduleModel schedule = ScheduleModel.of(session);
        Topology topology = TopologyBuilder.build(session.system(), session.diagnostics());
        MemoryMap memory = MemoryMapBuilder.build(session.system(), session.diagnostics());
        long afterPages = retained();
        report("+ graphical pages (session, schedule, topology, memory map)", afterPages, base);

        Compiled compiled = Compile.create().check(file);
        String built;
        try {
            built = Build.of(compiled).inMemory().image().config().name() + " image built";
        } catch (Exception e) {
            built = "image not built: " + e.getMessage();
        }
        long afterBuilder = retained();
        report("+ builder's pass (validation, " + built + ")", afterBuilder, base);

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap use over the run (sum of the pools' peaks): %,d MB of %,d MB%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("retained with editor + pages open: %,d MB (goal: within a 512 MB heap)%n",
                (afterPages - base) >> 20);
        // keep everything reachable until the last measurement
        System.out.println("(held: " + List.of(editor, schedule.plans().size(), topology.nodes().size(),
                memory.bars().size(), compiled.diagnostics().size()).size() + " objects)");
        editor.close();
        service.close();
        System.exit(0);
    }

    private static void report(String what, long bytes, long base) {
        System.out.printf("%-70s retained %,5d MB (+%,d MB over the empty JVM)%n", what, bytes >> 20, (bytes - base) >> 20);
    }

    private static long retained() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfStream;
import org.orrery.os.trace.ctf.CtfTrace;
import org.orrery.os.trace.ctf.CtfWriter;

class TraceDrainTest {

    /** Two cores, one partition each, a 1 ms window every 2 ms: 10 window events per core per drain. */
    private static SystemConfig system() {
        return Sys.system(Sys.board(2),
                List.of(Sys.partition("a", 0, 0, List.of(), List.of()), Sys.partition("b", 1, 1, List.of(), List.of())),
                List.of(), List.of(Sys.plan("main", 2 * MS, Sys.window(0, 0, MS, "a"), Sys.window(1, MS, MS, "b"))),
                List.of(), List.of());
    }

    private static Simulator simulator() {
        return Simulator.of(system(), Sys.apps(Map.of("a", () -> p -> { }, "b", () -> p -> { })));
    }

    @Test
    void ctfSinkRecordsEachCoresDiscardedEvents(@TempDir Path dir) throws Exception {
        long[] emitted = new long[2];
        simulator().traceSink((core, t, id, f0, f1, f2) -> emitted[core]++).run(50 * MS);

        Path out = dir.resolve("trace");
        try (CtfWriter w = new CtfWriter(out, new UUID(1, 2), 2, Map.of())) {
            simulator().traceCapacity(4).traceSink(w).run(50 * MS);
        }
        CtfTrace trace = CtfReader.read(out);
        for (CtfStream s : trace.streams()) {
            assertTrue(s.discarded() > 0, "core " + s.core() + " lost events but records none discarded");
            assertEquals(emitted[s.core()], s.events().size() + s.discarded(), "core " + s.core());
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.testing.Babeltrace;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfTrace;
import org.orrery.os.trace.ctf.CtfWriter;

/** Build → sign → verify → boot on the sim board → CTF trace, end to end. */
class SimRunTest {

    private static final KeyPair KEYS = SigningKeys.generate();
    private static final long RUN_NS = 200_000_000L;

    @TempDir
    Path tmp;

    private Path image() throws Exception {
        PingPong.writeSources(tmp);
        Path out = tmp.resolve("pingpong.oimg");
        ImageBuilder.buildTo(new BuildRequest(PingPong.config(), tmp, Map.of(), BuildRequest.DEFAULT_KERNEL_MODULES, 1,
                KEYS.getPrivate()), out);
        return out;
    }

    private record Run(SimResult result, long sunk, CtfTrace trace) {}

    private Run run(Path image, Path traceDir) throws Exception {
        LoadedImage loaded = LoadedImage.load(image, KEYS.getPublic(), 1);
        long[] sunk = new long[1];
        SimResult r;
        try (CtfWriter w = new CtfWriter(traceDir, loaded.traceUuid(), loaded.config().board().cores(),
                Map.of("system", loaded.config().name()))) {
            r = Simulator.of(loaded.config(), new JarApplicationLoader(loaded.applicationJars())).traceSink((core, ts, type, f0, f1, f2) -> {
                sunk[0]++;
                w.event(core, ts, type, f0, f1, f2);
            }).run(RUN_NS);
        }
        return new Run(r, sunk[0], CtfReader.read(traceDir));
    }

    @Test
    void verifiedImageBootsAndItsApplicationsTalk() throws Exception {
        Path image = image();
        LoadedImage loaded = LoadedImage.load(image, KEYS.getPublic(), 0);
        assertEquals(BuildRequest.DEFAULT_KERNEL_MODULES.stream().sorted().toList(), loaded.image().kernelModules());
        Run run = run(image, tmp.resolve("trace"));
        var console = run.result().console();
        assertTrue(console.stream().anyMatch(l -> l.contains("got ")), String.join("\n", console));
        assertEquals(0, run.result().summary().overruns(), run.result().summary().format());
        // Producer: one window per 10 ms frame on core 0; consumer: one per 20 ms frame on core 1.
        assertEquals(RUN_NS / 10_000_000L + RUN_NS / 20_000_000L, run.result().summary().windowsRun());

        assertEquals(run.sunk(), run.trace().eventCount(), "every event the kernel emitted is in the CTF trace");
        assertTrue(run.trace().eventsInTimeOrder().stream()
                .anyMatch(e -> e.typeId() == TraceEventType.USER_EVENT.id() && e.f1() == 7));
        assertTrue(run.trace().eventsInTimeOrder().stream().anyMatch(e -> e.typeId() == TraceEventType.PORT_SEND.id()));
    }

    @Test
    void sameImageGivesByteIdenticalTraces() throws Exception {
        Path image = image();
        run(image, tmp.resolve("a"));
        run(image, tmp.resolve("b"));
        for (String f : new String[] {"metadata", "stream_0", "stream_1"}) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void babeltraceReadsTheTraceOfARealRun() throws Exception {
        Babeltrace.assumeAvailable();
        Run run = run(image(), tmp.resolve("trace"));
        Babeltrace.Result bt = Babeltrace.read(tmp.resolve("trace"));
        assertEquals(0, bt.exit(), bt.stderr());
        assertTrue(run.sunk() > 50, "a real run emits events: " + run.sunk());
        assertEquals(run.sunk(), bt.lines().size(), bt.stderr());
        assertEquals(run.trace().eventCount(), bt.lines().size());
    }
}

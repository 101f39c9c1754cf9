// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.HmAction;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfTrace;
import org.orrery.os.trace.ctf.CtfWriter;

/** One scripted run of a signed image exercises every health-monitor action, in order. */
class FaultInjectionTest {

    private static final KeyPair KEYS = SigningKeys.generate();

    @TempDir
    Path tmp;

    @Test
    void everyHealthMonitorActionHappensOnRequest() throws Exception {
        FaultInjection.writeSources(tmp);
        Path image = tmp.resolve("fi.oimg");
        ImageBuilder.buildTo(new BuildRequest(FaultInjection.config(), tmp, Map.of(),
                BuildRequest.DEFAULT_KERNEL_MODULES, 0, KEYS.getPrivate()), image);
        LoadedImage loaded = LoadedImage.load(image, KEYS.getPublic(), 0);
        assertTrue(ImageBuilderTest.jarEntries(loaded.image().applicationJar("injector")).containsKey("faults.txt"),
                "non-Java files of an application are packaged as resources");

        SimResult r;
        try (CtfWriter w = new CtfWriter(tmp.resolve("trace"), loaded.traceUuid(), 1, Map.of())) {
            r = Simulator.of(loaded.config(), new JarApplicationLoader(loaded.applicationJars())).traceSink(w).run(3_000_000_000L);
        }
        var summary = r.summary();
        String report = summary.format() + String.join("\n", r.console());

        List<HmEvent> events = summary.hmEvents();
        assertEquals(FaultInjection.SCRIPT.size(), events.size(), report);
        for (int i = 0; i < events.size(); i++) {
            Object[] step = FaultInjection.SCRIPT.get(i);
            HmEvent e = events.get(i);
            assertEquals(step[2], e.error(), report);
            assertEquals(step[3], e.action(), report);
            assertEquals(step[1].equals("self") ? "injector" : "victim", e.partition(), report);
            assertTrue(e.timeNs() >= ((Integer) step[0]) * 1_000_000L, e + " before its scripted time");
        }
        EnumSet<HmAction> seen = EnumSet.noneOf(HmAction.class);
        events.forEach(e -> seen.add(e.action()));
        assertEquals(EnumSet.allOf(HmAction.class), seen, "all nine actions");

        // The effects, not just the decisions.
        assertTrue(summary.shutdown(), report);
        assertTrue(summary.endTimeNs() < 2_000_000_000L, "the run ended at the shutdown: " + summary.endTimeNs());
        assertEquals(1, summary.moduleResets(), report);
        assertTrue(summary.planSwitches() >= 1, report);
        assertEquals(PartitionMode.IDLE, summary.modes().get("victim"), report);
        assertEquals(1, count(r.console(), "victim init (WARM_START)"), report);
        assertEquals(3, count(r.console(), "victim init (COLD_START)"), "boot, cold start, module reset\n" + report);
        assertTrue(count(r.console(), "worker started") >= 5, report);
        assertEquals(1, count(r.console(), "injector: 2 faults to inject"), "after the reset the script resumes\n"
                + report);

        CtfTrace trace = CtfReader.read(tmp.resolve("trace"));
        assertEquals(events.size(), trace.eventsInTimeOrder().stream()
                .filter(e -> e.typeId() == TraceEventType.HM_EVENT.id()).count());
    }

    private static long count(List<String> console, String text) {
        return console.stream().filter(l -> l.contains(text)).count();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.config.OverflowPolicy;

/** A partition's port plan survives the trip through a system property, odd names and several destinations included. */
class PortPlanTest {

    @Test
    void aPlanDecodesToWhatWasEncoded() {
        PortPlan plan = new PortPlan(Path.of("/dev/shm/orrery-b/board-clock.shm"), List.of(
                new PortPlan.Entry("tm,1;x|y", false, false, 64, 50_000_000L, List.of(), null,
                        Path.of("/dev/shm/orrery-b/t.0.traffic.shm"), List.of(Path.of("/dev/shm/orrery-b/t.sampling.shm")),
                        List.of()),
                new PortPlan.Entry("cmd", true, true, 16, 0, List.of(4, 2), OverflowPolicy.BLOCK,
                        Path.of("/dev/shm/orrery-b/c.source.traffic.shm"),
                        List.of(Path.of("/dev/shm/orrery-b/c.0.queue.shm"), Path.of("/dev/shm/orrery-b/c.1.queue.shm")),
                        List.of(Path.of("/dev/shm/orrery-b/c.0.consumer.shm"), Path.of("/dev/shm/orrery-b/c.1.consumer.shm")))));
        assertEquals(plan, PortPlan.decode(plan.clock(), plan.encode()));
        assertEquals(new PortPlan(null, List.of()), PortPlan.decode(null, ""));
    }

    @Test
    void aMalformedPlanIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortPlan.decode(null, "a,b,c"));
        assertEquals("orrery.shm.ports: malformed entry 'a,b,c'", e.getMessage());
    }
}

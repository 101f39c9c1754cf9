// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.orrery.os.bsp.sim.Sys.MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Message;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.HmEvent;

/** Refused calls change nothing, go to the health monitor, and throw to a surviving caller. */
class IllegalRequestTest {

    private static String attempt(Supplier<Object> call) {
        try {
            return "ok " + call.get();
        } catch (IllegalRequestException e) {
            return "refused";
        }
    }

    @Test
    void badCallsAreRefusedWithoutSideEffects() throws Exception {
        PortConfig out = new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 4, 0, 0);
        PortConfig in = new PortConfig("in", PortKind.SAMPLING, PortDirection.DESTINATION, 4, 0, 0);
        SystemConfig c = Sys.system(Sys.board(1),
                List.of(Sys.partition("a", 0, 0, List.of(Sys.aperiodic("main", 0, 5), Sys.aperiodic("other", 0, 3)),
                        List.of(out, in))),
                List.of(new org.orrery.os.config.ChannelConfig("loop", PortKind.SAMPLING,
                        new org.orrery.os.config.PortEndpoint("a", "out"), List.of(new org.orrery.os.config.PortEndpoint("a", "in")),
                        org.orrery.os.config.OverflowPolicy.DROP_OLDEST)),
                List.of(Sys.plan("main", 10 * MS, Sys.window(0, 0, 10 * MS, "a"))), List.of(), List.of());
        List<String> seen = new ArrayList<>();
        SimResult r = Simulator.of(c, Sys.apps(Map.of("a", () -> p -> {
            seen.add("bad ref " + attempt(() -> p.createProcess(new ProcessRef("main", 1), () -> { })));
            seen.add("wrong kind " + attempt(() -> p.createQueuingPort(new org.orrery.os.api.QueuingPortRef("out", 0))));
            SamplingPort w = p.createSamplingPort(new SamplingPortRef("out", 0));
            SamplingPort rd = p.createSamplingPort(new SamplingPortRef("in", 1));
            PartitionProcess other = p.createProcess(new ProcessRef("other", 1), () -> { });
            p.createProcess(new ProcessRef("main", 0), () -> {
                w.write(new byte[] {7}, 1);
                seen.add("too long " + attempt(() -> { w.write(new byte[] {1, 2, 3, 4, 5}, 5); return null; }));
                seen.add("read on source " + attempt(() -> w.read(new Message(4))));
                seen.add("small buffer " + attempt(() -> rd.read(new Message(2))));
                Message m = new Message(4);
                rd.read(m);
                seen.add("port still holds " + m.data()[0] + " len " + m.length());
                seen.add("create late " + attempt(() -> p.createProcess(new ProcessRef("other", 1), () -> { })));
                seen.add("priority " + attempt(() -> { other.setPriority(300); return null; }) + " keeps " + other.priority());
                seen.add("start twice " + attempt(() -> { p.currentProcess().start(); return null; }) + " state "
                        + p.currentProcess().state());
                seen.add("negative wait " + attempt(() -> { p.timedWait(-1); return null; }));
                seen.add("resume running " + attempt(() -> { p.currentProcess().resume(); return null; }));
                seen.add("time " + p.now() / MS);
            }).start();
        }))).run(10 * MS);
        assertEquals(List.of("bad ref refused", "wrong kind refused", "too long refused", "read on source refused",
                "small buffer refused", "port still holds 7 len 1", "create late refused",
                "priority refused keeps 3", "start twice refused state RUNNING", "negative wait refused",
                "resume running refused", "time 0"), seen);
        assertEquals(10, r.summary().hmEvents().size());
        assertEquals(List.of(ErrorCode.ILLEGAL_REQUEST), r.summary().hmEvents().stream().map(HmEvent::error).distinct().toList());
    }
}

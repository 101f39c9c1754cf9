// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.bsp.hosted.apps.PortApps;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * Queuing channels between two partition processes on two cores of the hosted board, served from shared memory: a
 * BLOCK channel delivers every message in order while both ends block, a destination cannot send, and the overflow
 * policies give the same return values, messages and overflow indications as on the simulator (the same applications
 * run on both boards).
 */
class ShmQueuingPortTest {
    private static final long MS = 1_000_000L;

    private static PortConfig port(String name, PortDirection direction, int depth) {
        return new PortConfig(name, PortKind.QUEUING, direction, 8, 0, depth);
    }

    private static ChannelConfig channel(String name, String source, String dest, OverflowPolicy policy) {
        return new ChannelConfig(name, PortKind.QUEUING, new PortEndpoint("src", source),
                List.of(new PortEndpoint("dst", dest)), policy);
    }

    private static SystemConfig system(String sender, List<PortConfig> out, String receiver, List<PortConfig> in,
            List<ChannelConfig> channels) {
        return HostedSystems.system(20 * MS, List.of(
                HostedSystems.partition("src", 0, 0, sender, 20 * MS, out),
                HostedSystems.partition("dst", 1, 1, receiver, 20 * MS, in)), channels);
    }

    /** Runs {@code config} on {@code board}; returns the console lines without their timestamps. */
    private static List<String> run(BoardSupport board, SystemConfig config, long ns, long[] traced) throws Exception {
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        TraceSink sink = (core, t, type, f0, f1, f2) -> {
            synchronized (traced) {
                if (type == TraceEventType.PORT_SEND.id()) {
                    traced[0]++;
                } else if (type == TraceEventType.PORT_RECEIVE.id()) {
                    traced[1]++;
                } else if (type == TraceEventType.PORT_OVERFLOW.id()) {
                    traced[2 + (int) f1]++; // by destination port: newest 0, oldest 1
                }
            }
        };
        byte[] apps = HostedSystems.apps();
        RunSummary s = board.boot(new BootRequest(config, HostedSystems.osModules(), Map.of("src", apps, "dst", apps), ns,
                console::add, null, sink, 0));
        System.out.print(s.format());
        List<String> lines = new ArrayList<>();
        synchronized (console) {
            for (String l : console) {
                lines.add(l.substring(l.indexOf("] ") + 2));
            }
        }
        if (s.hmEvents().stream().anyMatch(e -> e.error() == ErrorCode.ILLEGAL_REQUEST)) {
            lines.add("ILLEGAL_REQUEST");
        }
        return lines;
    }

    @Test
    void aBlockChannelAcrossTwoProcessesDeliversEveryMessageInOrderWhileBothEndsBlock() throws Exception {
        SystemConfig config = system(PortApps.QueueSender.class.getName(), List.of(port("qout", PortDirection.SOURCE, 4)),
                PortApps.QueueReceiver.class.getName(), List.of(port("qin", PortDirection.DESTINATION, 4)),
                List.of(channel("commands", "qout", "qin", OverflowPolicy.BLOCK)));
        long[] traced = new long[4];
        List<String> lines = run(new HostedBoardSupport(), config, 1500 * MS, traced);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dst: destination send refused: ") && l.contains("DESTINATION")),
                lines.toString());
        assertTrue(lines.contains("ILLEGAL_REQUEST"), lines.toString());
        assertTrue(lines.contains("dst: blocking receive during initialisation refused: cannot block during initialisation"),
                lines.toString());
        // depth 4, bursts of 10: the sender blocked on a full ring every burst, the receiver on an empty one
        assertTrue(lines.contains("src: sent " + PortApps.QUEUED), lines.toString());
        assertTrue(lines.contains("dst: received " + PortApps.QUEUED + " in order"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("out of order") || l.contains("send failed")), lines.toString());
        synchronized (traced) {
            assertEquals(PortApps.QUEUED, traced[0], "PORT_SEND events");
            assertEquals(PortApps.QUEUED, traced[1], "PORT_RECEIVE events");
            assertEquals(0, traced[2], "PORT_OVERFLOW events");
        }
    }

    @Test
    void overflowPoliciesGiveTheSimulatorsReturnValuesMessagesAndIndications() throws Exception {
        SystemConfig config = system(PortApps.OverflowSender.class.getName(),
                List.of(port("newest", PortDirection.SOURCE, 2), port("oldest", PortDirection.SOURCE, 2)),
                PortApps.OverflowReceiver.class.getName(),
                List.of(port("newest", PortDirection.DESTINATION, 2), port("oldest", PortDirection.DESTINATION, 2)),
                List.of(channel("n", "newest", "newest", OverflowPolicy.DROP_NEWEST),
                        channel("o", "oldest", "oldest", OverflowPolicy.DROP_OLDEST)));
        long[] hostedTrace = new long[4];
        List<String> hosted = run(new HostedBoardSupport(), config, 700 * MS, hostedTrace);
        long[] simTrace = new long[4];
        List<String> sim = run(new SimBoardSupport(), config, 700 * MS, simTrace);
        List<String> expected = List.of("src: refused newest 28 oldest 0",
                "dst: newest pending 2 overflowed true values 1 2 overflowed-again false",
                "dst: oldest pending 2 overflowed true values 29 30 overflowed-again false");
        assertEquals(expected, sim.stream().filter(l -> !l.startsWith("HM")).toList(), "simulator: " + sim);
        assertEquals(expected, hosted.stream().filter(l -> !l.startsWith("HM")).toList(), "hosted: " + hosted);
        // the same trace: 30 sends per port, 4 receives, 28 overflows per destination
        assertEquals(List.of(60L, 4L, 28L, 28L), List.of(simTrace[0], simTrace[1], simTrace[2], simTrace[3]));
        assertEquals(List.of(60L, 4L, 28L, 28L), List.of(hostedTrace[0], hostedTrace[1], hostedTrace[2], hostedTrace[3]));
    }
}

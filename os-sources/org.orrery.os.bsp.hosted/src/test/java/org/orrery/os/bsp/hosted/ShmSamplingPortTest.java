// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.bsp.hosted.apps.PortApps;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * A sampling channel between two partition processes on two cores of the hosted board, served from shared memory:
 * values arrive in order, validity follows the destination's refresh period in real time, a destination cannot write,
 * and the kernel's trace still shows every send and receive.
 */
class ShmSamplingPortTest {
    private static final long MS = 1_000_000L;
    private static final long REFRESH = 50 * MS;
    private static final Pattern READ = Pattern.compile("\\] dst: read (\\d+) valid (true|false) stamp (\\d+) now (\\d+)");

    /** The calling thread's scheduling policy (0 SCHED_OTHER, 1 SCHED_FIFO), field 41 of its stat. */
    private static int schedPolicy() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[41 - 3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSamplingChannelAcrossTwoProcessesKeepsTheSimulatorsSemantics() throws Exception {
        PortConfig out = new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 8, 0, 0);
        PortConfig in = new PortConfig("in", PortKind.SAMPLING, PortDirection.DESTINATION, 8, REFRESH, 0);
        SystemConfig config = HostedSystems.system(20 * MS, List.of(
                HostedSystems.partition("src", 0, 0, PortApps.SamplingWriter.class.getName(), 20 * MS, List.of(out)),
                HostedSystems.partition("dst", 1, 1, PortApps.SamplingReader.class.getName(), 20 * MS, List.of(in))),
                List.of(new ChannelConfig("telemetry", PortKind.SAMPLING, new PortEndpoint("src", "out"),
                        List.of(new PortEndpoint("dst", "in")), OverflowPolicy.DROP_OLDEST)));
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        long[] traced = new long[8];
        int[] writerPolicy = {-1};
        TraceSink sink = (core, t, type, f0, f1, f2) -> {
            if (writerPolicy[0] < 0) {
                writerPolicy[0] = schedPolicy(); // the thread the board writes its trace on
            }
            if (type == TraceEventType.PORT_SEND.id() || type == TraceEventType.PORT_RECEIVE.id()) {
                synchronized (traced) {
                    traced[type == TraceEventType.PORT_SEND.id() ? 0 : 1]++;
                    traced[type == TraceEventType.PORT_SEND.id() ? 2 : 3] = f2;
                }
            }
        };
        byte[] apps = HostedSystems.apps();
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(),
                Map.of("src", apps, "dst", apps), 1500 * MS, console::add, null, sink, 0));
        System.out.print(s.format());
        assertEquals(0, writerPolicy[0], "the trace is written on a SCHED_OTHER thread, not at the engine's real-time "
                + "priority (a thread the engine starts would inherit it)");

        // the refusal is the kernel's, as on the simulator: an ILLEGAL_REQUEST for dst, logged by default
        assertTrue(console.stream().anyMatch(l -> l.contains("dst: destination write refused: ")
                && l.contains("DESTINATION")), console.toString());
        assertTrue(s.hmEvents().stream().anyMatch(e -> e.error() == ErrorCode.ILLEGAL_REQUEST
                && e.toString().contains("dst")), s.format());
        assertTrue(console.stream().anyMatch(l -> l.endsWith("src: wrote " + PortApps.WRITES)), console.toString());

        long last = 0;
        boolean sawValid = false;
        boolean sawStale = false;
        int reads = 0;
        for (String line : console) {
            Matcher m = READ.matcher(line);
            if (!m.find()) {
                continue;
            }
            long value = Long.parseLong(m.group(1));
            boolean valid = Boolean.parseBoolean(m.group(2));
            long stamp = Long.parseLong(m.group(3));
            long now = Long.parseLong(m.group(4));
            if (now <= s.endTimeNs()) {
                reads++; // the reader's own kernel keeps real time: it may read on after the run's end, untraced
            }
            assertTrue(value >= last && value <= PortApps.WRITES, "out of order or invented: " + line);
            last = value;
            // validity is the age against the refresh period, in board time (now is asked after the read: a
            // message judged at the read was at most that old then)
            assertTrue(stamp > 0 && stamp <= now, line);
            if (valid) {
                sawValid = true;
            } else {
                assertTrue(now - stamp > REFRESH, "invalid while younger than the refresh period: " + line);
                sawStale = true;
            }
        }
        assertTrue(sawValid, "no valid read: " + console);
        // the writer fell silent after 15 activations (0.3 s): its last message went stale
        assertTrue(sawStale && last == PortApps.WRITES, "the last message never went stale: " + console);
        synchronized (traced) {
            assertEquals(PortApps.WRITES, traced[0], "PORT_SEND events");
            // a read at the very end of the run may be counted without its log line reaching the console, or logged
            // after the kernel's last look at the counters; reads after the run's end are not counted
            assertTrue(Math.abs(traced[1] - reads) <= 1, "PORT_RECEIVE events " + traced[1] + ", reads logged up to "
                    + "the run's end at " + s.endTimeNs() + " ns: " + reads + "\n" + String.join("\n", console));
            assertEquals(8, traced[2]);
            assertEquals(8, traced[3]);
        }
        // the board's shared-memory folder is gone with the board
        try (var left = Files.list(Path.of("/dev/shm"))) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().startsWith(
                    "orrery-orrery-" + ProcessHandle.current().pid() + "-")), "left in /dev/shm");
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.bsp.hosted.apps.PortCaseApps;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;

/**
 * The kernel tests' port cases (kernel.tests: PortServiceTest, PortOverflowTest, ChannelRunTimeTest,
 * RestartAndPlanSwitchTest) run as partition processes on both boards (on the hosted one each partition process
 * schedules its processes with a kernel of its own), with the same expected lines: restarts that empty a
 * destination's ports and leave a source's messages, the overflow indication across a restart, validity by refresh
 * period, every refusal, blocking with timeouts. The overflow policies themselves are {@link ShmQueuingPortTest}'s.
 * Cases that depend on instants (the kernel tests' exact times) are kept to margins of tens of milliseconds here; a
 * case the hosted board cannot honour yet says why.
 */
class PortCasesTest {
    private static final long MS = 1_000_000L;
    private static final long FRAME = PortCaseApps.FRAME;
    private static final long SETTLE = PortCaseApps.SETTLE;
    /**
     * Board time every run goes on after its case's last step, for the lines that step causes (a woken receiver's
     * log line took more than 100 ms to come on a host whose cores real-time threads kept busy).
     */
    private static final long TAIL = 1_000_000_000L;

    private static BoardSupport board(String name) {
        return name.equals("sim") ? new SimBoardSupport() : new HostedBoardSupport();
    }

    private static PartitionConfig partition(String name, int index, int core, String app, List<String> processes,
            PortConfig... ports) {
        List<ProcessConfig> procs = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            procs.add(new ProcessConfig(processes.get(i), ProcessKind.APERIODIC, 0, 0, i == 0 ? 5 : 10, 0, 65536));
        }
        return new PartitionConfig(name, index, List.of(core), 8L << 20, Criticality.C, SchedulingPolicy.FIXED_PRIORITY,
                0, PortCaseApps.class.getName() + "$" + app, "", 0, procs, List.of(ports));
    }

    private static PartitionConfig partition(String name, int index, int core, String app, PortConfig... ports) {
        return partition(name, index, core, app, List.of("main"), ports);
    }

    private static PortConfig port(String name, PortKind kind, PortDirection direction, long refresh, int depth) {
        return new PortConfig(name, kind, direction, 8, refresh, depth);
    }

    private static ChannelConfig channel(PortKind kind, String from, String source, String to, String dest,
            OverflowPolicy policy) {
        return new ChannelConfig(source + "-" + dest, kind, new PortEndpoint(from, source),
                List.of(new PortEndpoint(to, dest)), policy);
    }

    /** What a run left: each partition's console lines (in their order), and the ILLEGAL_REQUEST reports. */
    private record Outcome(Map<String, List<String>> lines, long refusals) {
    }

    private static Outcome run(String boardName, SystemConfig config, long ns) throws Exception {
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        byte[] apps = HostedSystems.apps();
        Map<String, byte[]> jars = new LinkedHashMap<>();
        config.partitions().forEach(p -> jars.put(p.name(), apps));
        RunSummary s = board(boardName).boot(new BootRequest(config, HostedSystems.osModules(), jars, ns + TAIL,
                console::add, null, null, 0));
        System.out.print(s.format());
        Map<String, List<String>> lines = new LinkedHashMap<>();
        config.partitions().stream().map(PartitionConfig::name).sorted(Comparator.naturalOrder())
                .forEach(n -> lines.put(n, new ArrayList<>()));
        synchronized (console) {
            for (String l : console) {
                String text = l.substring(l.indexOf("] ") + 2);
                int colon = text.indexOf(": ");
                List<String> of = colon < 0 ? null : lines.get(text.substring(0, colon));
                if (of != null) {
                    of.add(text.substring(colon + 2));
                }
            }
        }
        return new Outcome(lines, s.hmEvents().stream().filter(e -> e.error() == ErrorCode.ILLEGAL_REQUEST).count());
    }

    /**
     * "w" [0, 50) and "r" [50, 100) on core 0. w's warm restart leaves its two messages (the queue's depth) and its
     * sample at r; w's new send blocks on the full queue. r's cold restart empties r's ports (on the hosted board: the
     * shared-memory ring and slot, while a new partition process starts), which frees w's send.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sim", "hosted"})
    void aSendersRestartLeavesWhatItSentAndAReceiversRestartEmptiesItsPorts(String board) throws Exception {
        PartitionConfig w = partition("w", 0, 0, "RestartingSource",
                port("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 0, 0),
                port("qOut", PortKind.QUEUING, PortDirection.SOURCE, 0, 2));
        PartitionConfig r = partition("r", 1, 0, "RestartingDestination",
                port("sIn", PortKind.SAMPLING, PortDirection.DESTINATION, 0, 0),
                port("qIn", PortKind.QUEUING, PortDirection.DESTINATION, 0, 2));
        SystemConfig config = HostedSystems.system(FRAME, List.of(w, r), List.of(
                channel(PortKind.SAMPLING, "w", "sOut", "r", "sIn", OverflowPolicy.BLOCK),
                channel(PortKind.QUEUING, "w", "qOut", "r", "qIn", OverflowPolicy.BLOCK)));
        Outcome o = run(board, config, SETTLE + 20 * FRAME);
        assertEquals(Map.of("r", List.of("start 1: pending 2, read 9 valid true", "start 2: read nothing", "got 3",
                "then pending 0"), "w", List.of("start 2", "send 3 true")), o.lines(), board);
        assertEquals(0, o.refusals(), board);
    }

    /** One partition loops "out" to "in" (DROP_OLDEST, depth 2), overfills it and restarts warm. */
    @ParameterizedTest
    @ValueSource(strings = {"sim", "hosted"})
    void theOverflowIndicationIsRefusedOnASourceAndClearedByARestart(String board) throws Exception {
        PartitionConfig a = partition("a", 0, 0, "IndicationAcrossRestart",
                port("out", PortKind.QUEUING, PortDirection.SOURCE, 0, 2),
                port("in", PortKind.QUEUING, PortDirection.DESTINATION, 0, 2));
        SystemConfig config = HostedSystems.system(FRAME, List.of(a),
                List.of(channel(PortKind.QUEUING, "a", "out", "a", "in", OverflowPolicy.DROP_OLDEST)));
        Outcome o = run(board, config, SETTLE);
        assertEquals(Map.of("a", List.of("on the source refused", "before the restart: pending 2",
                "after the restart: overflowed false, pending 0")), o.lines(), board);
        assertEquals(1, o.refusals(), board);
    }

    /**
     * Handles of an earlier start (kept by the application across a warm restart, the same objects when created again)
     * are refused until the new start creates them: on the hosted board too, where the stand-ins that serve ports from
     * shared memory hand every call of a stale handle to the kernel.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sim", "hosted"})
    void portHandlesOfAnEarlierStartAreRefusedUntilCreatedAgain(String board) throws Exception {
        PartitionConfig a = partition("a", 0, 0, "HandlesAcrossRestart",
                port("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 0, 0),
                port("sIn", PortKind.SAMPLING, PortDirection.DESTINATION, 0, 0),
                port("qOut", PortKind.QUEUING, PortDirection.SOURCE, 0, 2),
                port("qIn", PortKind.QUEUING, PortDirection.DESTINATION, 0, 2));
        SystemConfig config = HostedSystems.system(FRAME, List.of(a), List.of(
                channel(PortKind.SAMPLING, "a", "sOut", "a", "sIn", OverflowPolicy.BLOCK),
                channel(PortKind.QUEUING, "a", "qOut", "a", "qIn", OverflowPolicy.BLOCK)));
        Outcome o = run(board, config, SETTLE);
        assertEquals(Map.of("a", List.of("sampling refused refused", "queuing refused refused refused refused",
                "same handles true true, read nothing, queued 0")), o.lines(), board);
        assertEquals(6, o.refusals(), board);
    }

    /**
     * "w" [0, 50) and "r1" [50, 100) on core 0, "r2" alone on core 1. Once settled, w writes once at 100 ms; r1
     * (refresh 100 ms) reads at 50, 150 and 250 ms, r2 (no refresh period) at 0, 170 and 420 ms.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sim", "hosted"})
    void eachDestinationJudgesValidityByItsOwnRefreshPeriod(String board) throws Exception {
        SystemConfig config = HostedSystems.system(FRAME, List.of(
                partition("w", 0, 0, "LateWriter", port("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 0, 0)),
                partition("r1", 1, 0, "ShortRefreshReader",
                        port("sIn", PortKind.SAMPLING, PortDirection.DESTINATION, FRAME, 0)),
                partition("r2", 2, 1, "NoRefreshReader", port("sIn", PortKind.SAMPLING, PortDirection.DESTINATION, 0, 0))),
                List.of(new ChannelConfig("s", PortKind.SAMPLING, new PortEndpoint("w", "sOut"),
                        List.of(new PortEndpoint("r1", "sIn"), new PortEndpoint("r2", "sIn")), OverflowPolicy.BLOCK)));
        Outcome o = run(board, config, SETTLE + 5 * FRAME);
        assertEquals(Map.of("r1", List.of("read nothing", "read 1 valid true", "read 1 valid false"), "r2",
                List.of("read nothing", "read 1 valid true", "read 1 valid true"), "w", List.of()), o.lines(), board);
        assertEquals(0, o.refusals(), board);
    }

    /** One partition loops a sampling and a queuing channel and makes every call the kernel refuses. */
    @ParameterizedTest
    @ValueSource(strings = {"sim", "hosted"})
    void everyRefusedCallLeavesThePortsAsTheyWere(String board) throws Exception {
        PartitionConfig a = partition("a", 0, 0, "Refusals",
                port("sOut", PortKind.SAMPLING, PortDirection.SOURCE, 0, 0),
                port("sIn", PortKind.SAMPLING, PortDirection.DESTINATION, 0, 0),
                port("qOut", PortKind.QUEUING, PortDirection.SOURCE, 0, 2),
                port("qIn", PortKind.QUEUING, PortDirection.DESTINATION, 0, 2));
        SystemConfig config = HostedSystems.system(FRAME, List.of(a), List.of(
                channel(PortKind.SAMPLING, "a", "sOut", "a", "sIn", OverflowPolicy.BLOCK),
                channel(PortKind.QUEUING, "a", "qOut", "a", "qIn", OverflowPolicy.BLOCK)));
        Outcome o = run(board, config, SETTLE);
        assertEquals(Map.of("a", List.of("block in init refused pending 0", "wait in init refused",
                "poll in init true pending 1 at the source 0",
                "sampling: write on destination refused, read on source refused, null data refused, length 0 refused, "
                        + "over max refused, over array refused, null into refused, small into refused",
                "queuing: send on destination refused, receive on source refused, negative send timeout refused, "
                        + "negative receive timeout refused, null data refused, length 0 refused, over max refused, "
                        + "null into refused, small into refused",
                "left in place: read 56 valid true, pending 1, got 9")), o.lines(), board);
        assertEquals(2 + 8 + 9, o.refusals(), board);
    }

    /**
     * "s" on core 0 and "r" on core 1, each alone on its core, joined by a BLOCK queue of depth 2: receives and sends
     * that time out take their whole timeout, blocked ones go on as soon as a message or room is there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sim", "hosted"})
    void blockedSendsAndReceivesWaitForRoomMessagesOrTheirTimeout(String board) throws Exception {
        SystemConfig config = HostedSystems.system(FRAME, List.of(
                partition("s", 0, 0, "BlockingSender", port("out", PortKind.QUEUING, PortDirection.SOURCE, 0, 2)),
                partition("r", 1, 1, "BlockingReceiver", port("in", PortKind.QUEUING, PortDirection.DESTINATION, 0, 2))),
                List.of(channel(PortKind.QUEUING, "s", "out", "r", "in", OverflowPolicy.BLOCK)));
        Outcome o = run(board, config, SETTLE + 4 * FRAME);
        assertEquals(Map.of("r", List.of("receive: got nothing after its timeout", "got 1", "got 2", "got 3", "got 5"),
                "s", List.of("send 4 false after its timeout", "send 5 true")), o.lines(), board);
        assertEquals(0, o.refusals(), board);
    }

    /**
     * Blocked receivers are served in the order they blocked, whatever their priority (the kernel's wait queue of a
     * queuing port is FIFO): "low" blocks first and gets the first message although "high" waits too. On the hosted
     * board the waiting is the kernel's own, woken through the port's futex watcher.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sim", "hosted"})
    void blockedReceiversAreServedInTheOrderTheyBlocked(String board) throws Exception {
        SystemConfig config = HostedSystems.system(FRAME, List.of(
                partition("s", 0, 0, "PairSender", port("out", PortKind.QUEUING, PortDirection.SOURCE, 0, 2)),
                partition("r", 1, 1, "QueuedReceivers", List.of("low", "high"),
                        port("in", PortKind.QUEUING, PortDirection.DESTINATION, 0, 2))),
                List.of(channel(PortKind.QUEUING, "s", "out", "r", "in", OverflowPolicy.BLOCK)));
        Outcome o = run(board, config, SETTLE + 2 * FRAME);
        assertEquals(Map.of("r", List.of("low got 1", "high got 2"), "s", List.of()), o.lines(), board);
    }
}

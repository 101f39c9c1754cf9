// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.bsp.hosted.resident.LinkMessage.ColdStartRequested;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Console;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Debugger;
import org.orrery.os.bsp.hosted.resident.LinkMessage.FrameBegun;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Hello;
import org.orrery.os.bsp.hosted.resident.LinkMessage.HmReported;
import org.orrery.os.bsp.hosted.resident.LinkMessage.ModeChanged;
import org.orrery.os.bsp.hosted.resident.LinkMessage.PlanRequested;
import org.orrery.os.bsp.hosted.resident.LinkMessage.ResetRequested;
import org.orrery.os.bsp.hosted.resident.LinkMessage.ShutdownRequested;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Start;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Start.CoreFrame;
import org.orrery.os.bsp.hosted.resident.LinkMessage.TraceEvents;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.Limits;
import org.orrery.os.trace.TraceEventType;

/** Messages of every type at the edges of their fields, and the bytes they encode to, for the codec's tests. */
final class LinkSamples {

    /** 256 bytes of UTF-8 in two-byte characters: the longest name, not ASCII. */
    static final String LONGEST_NAME = "é".repeat(LinkCodec.MAX_NAME_BYTES / 2);
    /** 4,096 bytes: the longest text, in one-, two-, three- and four-byte characters. */
    static final String LONGEST_TEXT = "aé€🛰".repeat(LinkCodec.MAX_TEXT_BYTES / 10) + "a".repeat(LinkCodec.MAX_TEXT_BYTES % 10);
    static final String NON_ASCII = "température ≥ 40 °C — 分区 ✓ 🛰";

    private LinkSamples() {
    }

    static List<LinkMessage> all() {
        List<LinkMessage> all = new ArrayList<>(List.of(
                new Hello("flight-control", LinkCodec.PROTOCOL_VERSION),
                new Hello("", Integer.MIN_VALUE),
                new Hello(LONGEST_NAME, Integer.MAX_VALUE),
                new Hello(NON_ASCII, 0),
                new ModeChanged(0, PartitionMode.COLD_START, PartitionMode.NORMAL, Long.MIN_VALUE),
                new ModeChanged(Limits.MAX_PARTITIONS - 1, PartitionMode.NORMAL, PartitionMode.IDLE, Long.MAX_VALUE),
                new ModeChanged(3, PartitionMode.IDLE, PartitionMode.WARM_START, -1),
                new HmReported(0, Long.MIN_VALUE, "", ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS, HmAction.IGNORE, "",
                        false),
                new HmReported(Limits.MAX_PARTITIONS - 1, Long.MAX_VALUE, LONGEST_NAME, ErrorCode.WATCHDOG,
                        HmLevel.MODULE, HmAction.RESET_MODULE, LONGEST_TEXT, true),
                new HmReported(2, -7, "control", ErrorCode.APPLICATION_ERROR, HmLevel.PARTITION,
                        HmAction.COLD_START_PARTITION, NON_ASCII, false),
                new PlanRequested(0),
                new PlanRequested(Limits.MAX_PLANS - 1),
                new ColdStartRequested(0),
                new ColdStartRequested(Limits.MAX_PARTITIONS - 1),
                new ShutdownRequested(),
                new ResetRequested(),
                new Console(""),
                new Console(LONGEST_TEXT),
                new Console(NON_ASCII),
                new LinkMessage.WindowUsed(0, 0, 0),
                new LinkMessage.WindowUsed(Limits.MAX_PARTITIONS - 1, Long.MAX_VALUE, Long.MAX_VALUE),
                new LinkMessage.WindowUsed(3, 5_000_000, 1_234_567),
                new Start(Long.MIN_VALUE, List.of()),
                new Start(-12_345, List.of(new CoreFrame(0, 0, 0), new CoreFrame(1, 2, -1_000_000))),
                new Start(Long.MAX_VALUE, everyCore()),
                new TraceEvents(Long.MIN_VALUE, List.of()),
                new TraceEvents(123_456_789, List.of(
                        new TraceEvents.Event(0, 5, TraceEventType.PROCESS_STATE, 2, -2, 3),
                        new TraceEvents.Event(Limits.MAX_CORES - 1, Long.MAX_VALUE, TraceEventType.USER_EVENT, 2,
                                Long.MIN_VALUE, Long.MAX_VALUE),
                        new TraceEvents.Event(1, Long.MIN_VALUE, TraceEventType.HM_EVENT, 2, 0, 4))),
                new TraceEvents(Long.MAX_VALUE, manyEvents()),
                new FrameBegun(0, 0, Long.MIN_VALUE),
                new FrameBegun(Limits.MAX_CORES - 1, Limits.MAX_PLANS - 1, Long.MAX_VALUE),
                new Debugger(true),
                new Debugger(false)));
        return all;
    }

    /** Every core the link can name, in reverse order, with extreme frame starts. */
    /**
     * Events of every type a partition traces (a few dozen: the fuzz test mutates every sample; the bound on their
     * number has its own refusal case).
     */
    private static List<TraceEvents.Event> manyEvents() {
        List<TraceEventType> types = java.util.Arrays.stream(TraceEventType.values())
                .filter(TraceEvents.Event::ofThePartition).toList();
        List<TraceEvents.Event> events = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            events.add(new TraceEvents.Event(i % 2, i, types.get(i % types.size()), 7, i, -i));
        }
        return events;
    }

    private static List<CoreFrame> everyCore() {
        List<CoreFrame> cores = new ArrayList<>();
        for (int core = Limits.MAX_CORES - 1; core >= 0; core--) {
            cores.add(new CoreFrame(core, core % Limits.MAX_PLANS, core % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE));
        }
        return cores;
    }

    static byte[] bytes(LinkMessage m) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            LinkCodec.write(new DataOutputStream(buffer), m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b & 0xff));
        }
        return s.toString();
    }
}

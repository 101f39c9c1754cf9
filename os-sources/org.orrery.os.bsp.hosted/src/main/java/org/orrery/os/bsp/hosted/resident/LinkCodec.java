// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
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
import org.orrery.os.bsp.hosted.resident.LinkMessage.WindowUsed;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.Limits;
import org.orrery.os.trace.TraceEventType;

/**
 * The link's bytes: one type byte, then the message's fields in record order. Big-endian ints and longs
 * ({@link DataOutput}); strings as an int length and that many bytes of UTF-8; enums as their ordinal in one byte
 * (their ordinals are append-only, they are in the trace and image formats too); lists as an int count and the
 * entries; a flag as one byte, 0 or 1. No framing: the link is an ordered byte stream and every message's length
 * follows from its fields.
 * <p>
 * Reading is strict: every index, ordinal, length and count is checked before it is used or anything is sized by
 * it, and UTF-8 must be well formed, so what {@link #read} returns re-encodes to the bytes it came from. A stream
 * that ends before a message's type byte is a clean end ({@link EOFException}); one that ends after it is a message
 * cut short, which is a {@link LinkProtocolException} like any other malformed message.
 */
public final class LinkCodec {

    /**
     * What {@link Hello} carries. Hello's own layout never changes, so any version's Hello reads and is answered. 2:
     * HmReported says whether the error was raised; 3: WindowUsed; 4: no End and Counts.
     */
    public static final int PROTOCOL_VERSION = 4;
    /** Longest name (partition, process) in UTF-8: {@link Limits#MAX_NAME_LENGTH} UTF-16 chars take at most 3 bytes each. */
    public static final int MAX_NAME_BYTES = 256;
    /** Longest text (an HM message, a console line) in UTF-8. */
    public static final int MAX_TEXT_BYTES = Limits.MAX_STRING_BYTES;

    // Type bytes: never reuse one. Upward messages count from 1, downward from 64, so a dump shows the direction.
    private static final int HELLO = 1;
    private static final int MODE_CHANGED = 2;
    private static final int HM_REPORTED = 3;
    private static final int PLAN_REQUESTED = 4;
    private static final int COLD_START_REQUESTED = 5;
    private static final int SHUTDOWN_REQUESTED = 6;
    private static final int RESET_REQUESTED = 7;
    private static final int CONSOLE = 8;
    // 9 was COUNTS and 66 END (protocol 3 and before): the board ends a run by killing its partition JVMs
    private static final int TRACE_EVENTS = 10;
    private static final int WINDOW_USED = 11;
    private static final int START = 64;
    private static final int FRAME_BEGUN = 65;
    private static final int DEBUGGER = 67;

    private static final PartitionMode[] MODES = PartitionMode.values();
    private static final ErrorCode[] ERRORS = ErrorCode.values();
    private static final HmLevel[] LEVELS = HmLevel.values();
    private static final HmAction[] ACTIONS = HmAction.values();
    private static final TraceEventType[] TYPES = TraceEventType.values();

    private LinkCodec() {
    }

    /** Writes {@code m}, shortening strings longer than their bound (see {@link LinkStrings#utf8Within}). */
    public static void write(DataOutput out, LinkMessage m) throws IOException {
        switch (m) {
            case Hello h -> {
                out.writeByte(HELLO);
                string(out, h.partition(), MAX_NAME_BYTES);
                out.writeInt(h.protocolVersion());
            }
            case ModeChanged c -> {
                out.writeByte(MODE_CHANGED);
                out.writeInt(c.partition());
                out.writeByte(c.from().ordinal());
                out.writeByte(c.to().ordinal());
                out.writeLong(c.timeNs());
            }
            case HmReported r -> {
                out.writeByte(HM_REPORTED);
                out.writeInt(r.partition());
                out.writeLong(r.timeNs());
                string(out, r.process(), MAX_NAME_BYTES);
                out.writeByte(r.error().ordinal());
                out.writeByte(r.level().ordinal());
                out.writeByte(r.action().ordinal());
                string(out, r.message(), MAX_TEXT_BYTES);
                out.writeByte(r.raised() ? 1 : 0);
            }
            case PlanRequested p -> {
                out.writeByte(PLAN_REQUESTED);
                out.writeInt(p.plan());
            }
            case ColdStartRequested c -> {
                out.writeByte(COLD_START_REQUESTED);
                out.writeInt(c.partition());
            }
            case ShutdownRequested s -> out.writeByte(SHUTDOWN_REQUESTED);
            case ResetRequested r -> out.writeByte(RESET_REQUESTED);
            case Console c -> {
                out.writeByte(CONSOLE);
                string(out, c.line(), MAX_TEXT_BYTES);
            }
            case WindowUsed w -> {
                out.writeByte(WINDOW_USED);
                out.writeInt(w.partition());
                out.writeLong(w.windowNs());
                out.writeLong(w.busyNs());
            }
            case TraceEvents t -> {
                out.writeByte(TRACE_EVENTS);
                out.writeLong(t.completeNs());
                out.writeInt(t.events().size());
                for (TraceEvents.Event e : t.events()) {
                    out.writeInt(e.core());
                    out.writeLong(e.timeNs());
                    out.writeByte(e.type().ordinal());
                    out.writeLong(e.f0());
                    out.writeLong(e.f1());
                    out.writeLong(e.f2());
                }
            }
            case Start s -> {
                out.writeByte(START);
                out.writeLong(s.boardBaseMonotonicNs());
                out.writeInt(s.cores().size());
                for (CoreFrame c : s.cores()) {
                    out.writeInt(c.core());
                    out.writeInt(c.plan());
                    out.writeLong(c.frameStartNs());
                }
            }
            case FrameBegun f -> {
                out.writeByte(FRAME_BEGUN);
                out.writeInt(f.core());
                out.writeInt(f.plan());
                out.writeLong(f.frameStartNs());
            }
            case Debugger d -> {
                out.writeByte(DEBUGGER);
                out.writeByte(d.attached() ? 1 : 0);
            }
        }
    }

    /**
     * The next message.
     *
     * @throws EOFException the stream ended before the message's first byte (the other end closed the link)
     * @throws LinkProtocolException the message is malformed or cut short; the link is unusable after it
     */
    public static LinkMessage read(DataInput in) throws IOException {
        int type = in.readUnsignedByte();
        return switch (type) {
            case HELLO -> {
                LinkInput r = new LinkInput(in, "Hello");
                yield new Hello(r.string("partition", MAX_NAME_BYTES), r.anyInt("protocolVersion"));
            }
            case MODE_CHANGED -> {
                LinkInput r = new LinkInput(in, "ModeChanged");
                yield new ModeChanged(r.index("partition", Limits.MAX_PARTITIONS), r.choice("from", MODES),
                        r.choice("to", MODES), r.time("timeNs"));
            }
            case HM_REPORTED -> {
                LinkInput r = new LinkInput(in, "HmReported");
                yield new HmReported(r.index("partition", Limits.MAX_PARTITIONS), r.time("timeNs"),
                        r.string("process", MAX_NAME_BYTES), r.choice("error", ERRORS), r.choice("level", LEVELS),
                        r.choice("action", ACTIONS), r.string("message", MAX_TEXT_BYTES), r.flag("raised"));
            }
            case PLAN_REQUESTED -> new PlanRequested(new LinkInput(in, "PlanRequested").index("plan", Limits.MAX_PLANS));
            case COLD_START_REQUESTED -> new ColdStartRequested(
                    new LinkInput(in, "ColdStartRequested").index("partition", Limits.MAX_PARTITIONS));
            case SHUTDOWN_REQUESTED -> new ShutdownRequested();
            case RESET_REQUESTED -> new ResetRequested();
            case CONSOLE -> new Console(new LinkInput(in, "Console").string("line", MAX_TEXT_BYTES));
            case WINDOW_USED -> {
                LinkInput r = new LinkInput(in, "WindowUsed");
                int partition = r.index("partition", Limits.MAX_PARTITIONS);
                long window = r.count("windowNs");
                long busy = r.count("busyNs");
                if (busy > window) {
                    throw r.refused("busyNs", busy + " beyond the window's " + window);
                }
                yield new WindowUsed(partition, window, busy);
            }
            case TRACE_EVENTS -> traceEvents(new LinkInput(in, "TraceEvents"));
            case START -> start(new LinkInput(in, "Start"));
            case FRAME_BEGUN -> {
                LinkInput r = new LinkInput(in, "FrameBegun");
                yield new FrameBegun(r.index("core", Limits.MAX_CORES), r.index("plan", Limits.MAX_PLANS),
                        r.time("frameStartNs"));
            }
            case DEBUGGER -> new Debugger(new LinkInput(in, "Debugger").flag("attached"));
            default -> throw new LinkProtocolException("message type " + type + " is unknown");
        };
    }

    private static TraceEvents traceEvents(LinkInput r) throws IOException {
        long complete = r.time("completeNs");
        int n = r.listCount("events", TraceEvents.MAX_EVENTS);
        List<TraceEvents.Event> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            r.entry("events", i);
            int core = r.index("core", Limits.MAX_CORES);
            long time = r.time("timeNs");
            TraceEventType type = r.choice("type", TYPES);
            if (!TraceEvents.Event.ofThePartition(type)) {
                throw r.refused("type", type + " is the module's to trace, not a partition's");
            }
            events.add(new TraceEvents.Event(core, time, type, r.anyLong("f0"), r.anyLong("f1"), r.anyLong("f2")));
        }
        return new TraceEvents(complete, events);
    }

    private static Start start(LinkInput r) throws IOException {
        long base = r.time("boardBaseMonotonicNs");
        int n = r.listCount("cores", Limits.MAX_CORES);
        List<CoreFrame> cores = new ArrayList<>(n);
        boolean[] seen = new boolean[Limits.MAX_CORES];
        for (int i = 0; i < n; i++) {
            r.entry("cores", i);
            int core = r.index("core", Limits.MAX_CORES);
            if (seen[core]) {
                throw r.refused("core", "core " + core + " twice");
            }
            seen[core] = true;
            cores.add(new CoreFrame(core, r.index("plan", Limits.MAX_PLANS), r.time("frameStartNs")));
        }
        return new Start(base, cores);
    }

    private static void string(DataOutput out, String s, int maxBytes) throws IOException {
        byte[] bytes = LinkStrings.utf8Within(s, maxBytes);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}

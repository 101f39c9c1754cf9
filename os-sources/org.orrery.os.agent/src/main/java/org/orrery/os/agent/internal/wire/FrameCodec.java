// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.internal.wire.Message.Await;
import org.orrery.os.agent.internal.wire.Message.Chunk;
import org.orrery.os.agent.internal.wire.Message.Control;
import org.orrery.os.agent.internal.wire.Message.ControlDone;
import org.orrery.os.agent.internal.wire.Message.ChunkAck;
import org.orrery.os.agent.internal.wire.Message.Error;
import org.orrery.os.agent.internal.wire.Message.Event;
import org.orrery.os.agent.internal.wire.Message.Hello;
import org.orrery.os.agent.internal.wire.Message.Install;
import org.orrery.os.agent.internal.wire.Message.Installed;
import org.orrery.os.agent.internal.wire.Message.Status;
import org.orrery.os.agent.internal.wire.Message.StatusReply;
import org.orrery.os.agent.internal.wire.Message.Subscribe;
import org.orrery.os.agent.internal.wire.Message.UploadBegin;
import org.orrery.os.agent.internal.wire.Message.UploadOffset;
import org.orrery.os.agent.internal.wire.Message.VerdictReply;
import org.orrery.os.agent.internal.wire.Message.Welcome;

/**
 * Frames are {@code [u32 length][u8 type][payload]}, the length counting the type byte and the payload. Decoding
 * is strict: the length is checked against {@link #MAX_FRAME} before anything is allocated, every field is
 * checked against what is left, and trailing bytes, unknown types, bad UTF-8 and out-of-range values are
 * protocol errors. Whatever decodes re-encodes to the same bytes.
 */
public final class FrameCodec {

    /** Largest type + payload a peer may send. */
    public static final int MAX_FRAME = 1 << 20;
    /** Largest chunk of image bytes in one frame (the rest of {@link #MAX_FRAME} is headroom for the header). */
    public static final int MAX_CHUNK = 512 * 1024;
    /** Largest JDWP payload in one DEBUG_DATA frame: small, so one tunnel's burst never holds a session for long. */
    public static final int MAX_DEBUG_DATA = 64 * 1024;

    private static final SlotState[] STATES = SlotState.values();
    private static final Verdict.Outcome[] OUTCOMES = Verdict.Outcome.values();
    private static final BoardEvent.Kind[] KINDS = BoardEvent.Kind.values();
    /** A CHUNK's payload before its image bytes: hash(32) offset(8) length(4). */
    public static final int CHUNK_HEAD = 32 + 8 + 4;
    /** A CHUNK frame's bytes before its image bytes: length(4) type(1) and {@link #CHUNK_HEAD}. */
    public static final int CHUNK_FRAME_HEAD = 4 + 1 + CHUNK_HEAD;
    /** Smallest encodings, for bounding counts before allocation: name(2) state(1) image?(1) selected(1). */
    private static final int MIN_SLOT_BYTES = 5;

    private FrameCodec() {
    }

    public static MessageType typeOf(Message m) {
        return switch (m) {
            case Hello h -> MessageType.HELLO;
            case Welcome w -> MessageType.WELCOME;
            case Status s -> MessageType.STATUS;
            case StatusReply s -> MessageType.STATUS_REPLY;
            case UploadBegin u -> MessageType.UPLOAD_BEGIN;
            case UploadOffset u -> MessageType.UPLOAD_OFFSET;
            case Chunk c -> MessageType.CHUNK;
            case ChunkAck c -> MessageType.CHUNK_ACK;
            case Install i -> MessageType.INSTALL;
            case Installed i -> MessageType.INSTALLED;
            case Await a -> MessageType.AWAIT;
            case VerdictReply v -> MessageType.VERDICT;
            case Subscribe s -> MessageType.SUBSCRIBE;
            case Event e -> MessageType.EVENT;
            case Error e -> MessageType.ERROR;
            case Message.TraceStart t -> MessageType.TRACE_START;
            case Message.TracePacket t -> MessageType.TRACE_PACKET;
            case Message.TraceEnd t -> MessageType.TRACE_END;
            case Message.DebugOpen d -> MessageType.DEBUG_OPEN;
            case Message.DebugData d -> MessageType.DEBUG_DATA;
            case Message.DebugClose d -> MessageType.DEBUG_CLOSE;
            case Control c -> MessageType.CONTROL;
            case ControlDone d -> MessageType.CONTROL_DONE;
        };
    }

    /** The whole frame, header included. */
    public static byte[] encode(Message m) {
        PayloadWriter w = new PayloadWriter();
        switch (m) {
            case Hello h -> w.u16(h.major()).u16(h.minor()).string(h.client());
            case Welcome x -> w.u16(x.major()).u16(x.minor()).string(x.board()).string(x.kind()).string(x.fingerprint());
            case Status s -> { }
            case StatusReply s -> status(w, s.status());
            case UploadBegin u -> w.sha256(u.sha256()).nonNegative(u.size(), "size");
            case UploadOffset u -> w.sha256(u.sha256()).nonNegative(u.offset(), "offset");
            case Chunk c -> {
                if (c.data().length > MAX_CHUNK) {
                    throw new IllegalArgumentException("chunk of " + c.data().length + " bytes exceeds " + MAX_CHUNK);
                }
                w.sha256(c.sha256()).nonNegative(c.offset(), "offset").bytes(c.data());
            }
            case ChunkAck c -> w.nonNegative(c.end(), "end");
            case Install i -> w.sha256(i.sha256()).bool(i.allowDowngrade()).nonNegative(i.awaitMillis(), "await");
            case Installed i -> slot(w, i.slot());
            case Await a -> w.sha256(a.sha256()).nonNegative(a.timeoutMillis(), "timeout");
            case VerdictReply v -> w.u8(v.verdict().outcome().ordinal()).optionalString(v.verdict().reason());
            case Subscribe s -> { }
            case Event e -> w.i64(e.event().timeMillis()).u8(e.event().kind().ordinal()).string(e.event().text());
            case Error e -> w.string(e.code()).string(e.message());
            case Message.TraceStart t -> w.bytes(t.metadata()).bytes(t.configuration());
            case Message.TracePacket t -> w.u16(t.core()).nonNegative(t.events(), "events").bytes(t.packet());
            case Message.TraceEnd t -> w.string(t.reason()).bool(t.error()).nonNegative(t.events(), "events")
                    .nonNegative(t.discarded(), "discarded");
            case Message.DebugOpen d -> w.string(d.partition());
            case Message.DebugData d -> {
                if (d.data().length > MAX_DEBUG_DATA) {
                    throw new IllegalArgumentException("debug data of " + d.data().length + " bytes exceeds "
                            + MAX_DEBUG_DATA);
                }
                w.bytes(d.data());
            }
            case Message.DebugClose d -> w.string(d.reason());
            case Control c -> w.string(c.action()).string(c.target());
            case ControlDone d -> w.string(d.result());
        }
        byte[] payload = w.toByteArray();
        int length = payload.length + 1;
        if (length > MAX_FRAME) {
            throw new IllegalArgumentException(typeOf(m) + " of " + length + " bytes exceeds the frame limit " + MAX_FRAME);
        }
        return ByteBuffer.allocate(4 + length).putInt(length).put((byte) typeOf(m).code).put(payload).array();
    }

    public static void write(OutputStream out, Message m) throws IOException {
        if (m instanceof Chunk c) {
            writeChunk(out, c.sha256(), c.offset(), c.data(), c.data().length);
        } else {
            out.write(encode(m));
        }
    }

    /**
     * Writes a CHUNK frame of {@code data[0..length)} straight from the caller's buffer: image bytes are the bulk
     * of the traffic and are not copied into a frame first. The bytes are those {@link #encode} gives.
     */
    public static void writeChunk(OutputStream out, String sha256, long offset, byte[] data, int length)
            throws IOException {
        checkChunk(data, 0, length);
        byte[] head = new byte[CHUNK_FRAME_HEAD];
        chunkHeader(head, sha256, offset, length);
        out.write(head);
        out.write(data, 0, length);
    }

    /**
     * Writes a CHUNK frame whose image bytes the caller has already read to {@code frame[CHUNK_FRAME_HEAD ..
     * CHUNK_FRAME_HEAD + length)}: the header goes in front of them and the frame leaves in one write, so the
     * stream below sees one large write (full TLS records) and nothing is copied on the way.
     */
    public static void writeChunkFrame(OutputStream out, String sha256, long offset, byte[] frame, int length)
            throws IOException {
        checkChunk(frame, CHUNK_FRAME_HEAD, length);
        chunkHeader(frame, sha256, offset, length);
        out.write(frame, 0, CHUNK_FRAME_HEAD + length);
    }

    private static void checkChunk(byte[] buffer, int at, int length) {
        if (length < 0 || length > MAX_CHUNK || at + length > buffer.length) {
            throw new IllegalArgumentException("chunk of " + length + " bytes exceeds " + MAX_CHUNK
                    + " or its buffer of " + buffer.length);
        }
    }

    private static void chunkHeader(byte[] into, String sha256, long offset, int length) {
        byte[] head = new PayloadWriter().sha256(sha256).nonNegative(offset, "offset").toByteArray();
        ByteBuffer.wrap(into, 0, CHUNK_FRAME_HEAD).putInt(1 + CHUNK_HEAD + length).put((byte) MessageType.CHUNK.code)
                .put(head).putInt(length);
    }

    /**
     * Reads one frame.
     *
     * @return the message, or null at a clean end of stream (between frames)
     */
    public static Message read(InputStream in) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        int first = data.read();
        if (first < 0) {
            return null;
        }
        byte[] rest = new byte[3];
        try {
            data.readFully(rest);
            long length = ((long) first << 24 | (rest[0] & 0xff) << 16 | (rest[1] & 0xff) << 8 | rest[2] & 0xff);
            if (length < 1 || length > MAX_FRAME) {
                throw new ProtocolException("frame length " + length + " outside 1.." + MAX_FRAME);
            }
            int type = data.readUnsignedByte();
            MessageType t = MessageType.of(type); // before reading a payload the peer may never have meant
            if (t == MessageType.CHUNK && length - 1 >= CHUNK_HEAD) {
                return readChunk(data, (int) length - 1);
            }
            byte[] payload = new byte[(int) length - 1];
            data.readFully(payload);
            return decode(t, payload);
        } catch (EOFException e) {
            throw new ProtocolException("connection ended inside a frame");
        }
    }

    /**
     * A CHUNK's image bytes go from the stream straight into the array the board stores (one copy, not a frame's
     * payload first and the chunk after), checked in the order and with the words {@link #decode} uses.
     */
    private static Message readChunk(DataInputStream data, int payloadLength) throws IOException {
        byte[] head = new byte[CHUNK_HEAD];
        data.readFully(head);
        PayloadReader r = new PayloadReader(head);
        String sha256 = r.sha256("sha256");
        long offset = r.nonNegative("offset");
        int n = r.length("chunk", MAX_CHUNK);
        int left = payloadLength - CHUNK_HEAD;
        if (n > left) {
            throw new ProtocolException("truncated frame: chunk needs " + n + " bytes, " + left + " left");
        }
        if (n < left) {
            throw new ProtocolException((left - n) + " trailing bytes after " + MessageType.CHUNK.name());
        }
        byte[] bytes = new byte[n];
        data.readFully(bytes);
        return new Chunk(sha256, offset, bytes);
    }

    /** Decodes one frame given as bytes (header included); the whole array must be exactly one frame. */
    public static Message decodeFrame(byte[] frame) throws ProtocolException {
        if (frame.length < 5) {
            throw new ProtocolException("frame of " + frame.length + " bytes is shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        long length = Integer.toUnsignedLong(b.getInt());
        if (length < 1 || length > MAX_FRAME) {
            throw new ProtocolException("frame length " + length + " outside 1.." + MAX_FRAME);
        }
        if (length != frame.length - 4) {
            throw new ProtocolException("frame length " + length + " but " + (frame.length - 4) + " bytes follow");
        }
        MessageType t = MessageType.of(b.get() & 0xff);
        byte[] payload = new byte[frame.length - 5];
        b.get(payload);
        return decode(t, payload);
    }

    static Message decode(MessageType t, byte[] payload) throws ProtocolException {
        PayloadReader r = new PayloadReader(payload);
        Message m = switch (t) {
            case HELLO -> new Hello(r.u16("major"), r.u16("minor"), r.string("client name"));
            case WELCOME -> new Welcome(r.u16("major"), r.u16("minor"), r.string("board name"), r.string("board kind"),
                    r.string("fingerprint"));
            case STATUS -> new Status();
            case STATUS_REPLY -> new StatusReply(status(r));
            case UPLOAD_BEGIN -> new UploadBegin(r.sha256("sha256"), r.nonNegative("size"));
            case UPLOAD_OFFSET -> new UploadOffset(r.sha256("sha256"), r.nonNegative("offset"));
            case CHUNK -> new Chunk(r.sha256("sha256"), r.nonNegative("offset"), r.bytes("chunk", MAX_CHUNK));
            case CHUNK_ACK -> new ChunkAck(r.nonNegative("end"));
            case INSTALL -> new Install(r.sha256("sha256"), r.bool("allow-downgrade"), r.nonNegative("await"));
            case INSTALLED -> new Installed(slot(r));
            case AWAIT -> new Await(r.sha256("sha256"), r.nonNegative("timeout"));
            case VERDICT -> new VerdictReply(new Verdict(pick(OUTCOMES, r.u8("outcome"), "outcome"),
                    r.optionalString("reason")));
            case SUBSCRIBE -> new Subscribe();
            case EVENT -> new Event(new BoardEvent(r.i64("time"), pick(KINDS, r.u8("event kind"), "event kind"),
                    r.string("event text")));
            case ERROR -> new Error(r.string("error code"), r.string("error message"));
            case TRACE_START -> new Message.TraceStart(r.bytes("trace metadata", MAX_FRAME),
                    r.bytes("trace configuration", MAX_FRAME));
            case TRACE_PACKET -> new Message.TracePacket(r.u16("core"), r.nonNegative("events"),
                    r.bytes("trace packet", MAX_FRAME));
            case TRACE_END -> new Message.TraceEnd(r.string("trace end reason"), r.bool("error"), r.nonNegative("events"),
                    r.nonNegative("discarded"));
            case DEBUG_OPEN -> new Message.DebugOpen(r.string("partition"));
            case DEBUG_DATA -> new Message.DebugData(r.bytes("debug data", MAX_DEBUG_DATA));
            case DEBUG_CLOSE -> new Message.DebugClose(r.string("reason"));
            case CONTROL -> new Control(r.string("control action"), r.string("control target"));
            case CONTROL_DONE -> new ControlDone(r.string("control result"));
        };
        r.end(t.name());
        return m;
    }

    private static <E> E pick(E[] values, int ordinal, String what) throws ProtocolException {
        if (ordinal >= values.length) {
            throw new ProtocolException("unknown " + what + " " + ordinal);
        }
        return values[ordinal];
    }

    private static void status(PayloadWriter w, BoardStatus s) {
        w.string(s.board()).optionalString(s.bootedSlot());
        image(w, s.running());
        w.u16(s.slots().size());
        s.slots().forEach(slot -> slot(w, slot));
        w.i64(s.securityCounter());
    }

    private static BoardStatus status(PayloadReader r) throws ProtocolException {
        String board = r.string("board");
        String booted = r.optionalString("booted slot");
        ImageId running = image(r);
        int n = r.count("slot count", MIN_SLOT_BYTES);
        List<SlotInfo> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            slots.add(slot(r));
        }
        return new BoardStatus(board, booted, running, slots, r.i64("security counter"));
    }

    private static void slot(PayloadWriter w, SlotInfo s) {
        w.string(s.name()).u8(s.state().ordinal());
        image(w, s.image());
        w.bool(s.selected());
    }

    private static SlotInfo slot(PayloadReader r) throws ProtocolException {
        return new SlotInfo(r.string("slot name"), pick(STATES, r.u8("slot state"), "slot state"), image(r),
                r.bool("selected"));
    }

    private static void image(PayloadWriter w, ImageId id) {
        w.bool(id != null);
        if (id != null) {
            w.string(id.system()).string(id.version()).string(id.sha256()).i64(id.securityCounter());
        }
    }

    private static ImageId image(PayloadReader r) throws ProtocolException {
        if (!r.bool("image present")) {
            return null;
        }
        return new ImageId(r.string("system"), r.string("version"), r.string("image sha256"), r.i64("security counter"));
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import java.util.Arrays;

import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.Verdict;

/** Every message of the agent protocol; {@link FrameCodec} turns them into frames and back. */
public sealed interface Message {

    /** Client's first message. */
    record Hello(int major, int minor, String client) implements Message {
    }

    /** Server's answer to an accepted {@link Hello}. */
    record Welcome(int major, int minor, String board, String kind, String fingerprint) implements Message {
    }

    record Status() implements Message {
    }

    record StatusReply(BoardStatus status) implements Message {
    }

    /** An upload of the image whose digest (as its trailer declares it) is {@code sha256}. */
    record UploadBegin(String sha256, long size) implements Message {
    }

    /** Where the board wants the upload to continue. */
    record UploadOffset(String sha256, long offset) implements Message {
    }

    /**
     * Pipelined: the client sends several before it reads their {@link ChunkAck}s, the first right behind
     * {@link UploadBegin}; bytes below the offset the board answered are already there and are dropped.
     */
    record Chunk(String sha256, long offset, byte[] data) implements Message {
        @Override
        public boolean equals(Object o) {
            return o instanceof Chunk c && c.sha256.equals(sha256) && c.offset == offset && Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return sha256.hashCode() * 31 + Long.hashCode(offset) * 17 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Chunk[" + sha256 + ", " + offset + ", " + data.length + " bytes]";
        }
    }

    /** The board stored everything up to {@code end}. */
    record ChunkAck(long end) implements Message {
    }

    /**
     * Install the complete upload; with {@code awaitMillis} above 0 the board also waits that long for the trial's
     * verdict and sends it right after INSTALLED, as AWAIT would, so a flash needs no request after this one.
     */
    record Install(String sha256, boolean allowDowngrade, long awaitMillis) implements Message {
    }

    record Installed(SlotInfo slot) implements Message {
    }

    record Await(String sha256, long timeoutMillis) implements Message {
    }

    record VerdictReply(Verdict verdict) implements Message {
    }

    record Subscribe() implements Message {
    }

    record Event(BoardEvent event) implements Message {
    }

    /**
     * Client: follow the board's trace (both empty). Board: the trace's CTF metadata (TSDL, UTF-8) and the running
     * system's configuration ({@code .orcf}, empty when the board wrote none), sent before the first
     * {@link TracePacket}.
     */
    record TraceStart(byte[] metadata, byte[] configuration) implements Message {
        @Override
        public boolean equals(Object o) {
            return o instanceof TraceStart t && Arrays.equals(t.metadata, metadata)
                    && Arrays.equals(t.configuration, configuration);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(metadata) * 31 + Arrays.hashCode(configuration);
        }

        @Override
        public String toString() {
            return "TraceStart[" + metadata.length + " + " + configuration.length + " bytes]";
        }
    }

    /** One whole CTF packet of {@code core}'s stream holding {@code events} events. */
    record TracePacket(int core, long events, byte[] packet) implements Message {
        @Override
        public boolean equals(Object o) {
            return o instanceof TracePacket t && t.core == core && t.events == events && Arrays.equals(t.packet, packet);
        }

        @Override
        public int hashCode() {
            return (core * 31 + Long.hashCode(events)) * 17 + Arrays.hashCode(packet);
        }

        @Override
        public String toString() {
            return "TracePacket[core " + core + ", " + events + " events, " + packet.length + " bytes]";
        }
    }

    /**
     * Client: stop following (the board answers with its own TRACE_END after the last packet). Board: the stream
     * ended, why ({@code error}: not because the client asked), with the events sent and the events dropped for
     * this client (also carried in the packets' {@code events_discarded}).
     */
    record TraceEnd(String reason, boolean error, long events, long discarded) implements Message {
    }

    /**
     * Client: open the debug tunnel to this partition's JVM (role {@code debug}). Board: the tunnel is open (the same
     * message back), and from then on this session carries only {@link DebugData} both ways until a {@link DebugClose}.
     */
    record DebugOpen(String partition) implements Message {
    }

    /** JDWP bytes of the session's tunnel, at most {@link FrameCodec#MAX_DEBUG_DATA} per frame. */
    record DebugData(byte[] data) implements Message {
        @Override
        public boolean equals(Object o) {
            return o instanceof DebugData d && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DebugData[" + data.length + " bytes]";
        }
    }

    /** Either side ends the tunnel, saying why. */
    record DebugClose(String reason) implements Message {
    }

    /** An operator request: {@code action} is start, stop, restart or switch-plan; the target a partition or plan. */
    record Control(String action, String target) implements Message {
    }

    /** The board applied a {@link Control}; {@code result} says what it did. */
    record ControlDone(String result) implements Message {
    }

    /** A refusal ({@link org.orrery.os.agent.Refusal} code) or a protocol error ({@code protocol}). */
    record Error(String code, String message) implements Message {
    }

    /** A short form for the audit log: the type and the image hash it concerns, never the bytes. */
    static String describe(Message m) {
        return switch (m) {
            case Hello h -> "HELLO " + h.major() + "." + h.minor();
            case UploadBegin u -> "UPLOAD_BEGIN " + shortHash(u.sha256()) + " " + u.size() + " bytes";
            case Chunk c -> "CHUNK " + shortHash(c.sha256()) + " @" + c.offset();
            case Install i -> "INSTALL " + shortHash(i.sha256()) + (i.allowDowngrade() ? " allow-downgrade" : "")
                    + (i.awaitMillis() > 0 ? " await " + i.awaitMillis() + " ms" : "");
            case Await a -> "AWAIT " + shortHash(a.sha256());
            case DebugOpen d -> "DEBUG_OPEN " + d.partition();
            case Control c -> "CONTROL " + c.action() + " " + c.target();
            default -> FrameCodec.typeOf(m).name();
        };
    }

    private static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }
}

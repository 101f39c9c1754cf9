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

    record UploadBegin(String sha256, long size) implements Message {
    }

    /** Where the board wants the upload to continue. */
    record UploadOffset(String sha256, long offset) implements Message {
    }

    /** Pipelined: the client sends several before it reads their {@link ChunkAck}s. */
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

    record Install(String sha256, boolean allowDowngrade) implements Message {
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
            case Install i -> "INSTALL " + shortHash(i.sha256()) + (i.allowDowngrade() ? " allow-downgrade" : "");
            case Await a -> "AWAIT " + shortHash(a.sha256());
            case Control c -> "CONTROL " + c.action() + " " + c.target();
            default -> FrameCodec.typeOf(m).name();
        };
    }

    private static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }
}

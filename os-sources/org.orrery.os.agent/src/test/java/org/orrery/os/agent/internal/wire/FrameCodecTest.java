// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void everyMessageTypeRoundTripsThroughFramesAndStreams() throws Exception {
        Set<MessageType> seen = EnumSet.noneOf(MessageType.class);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int streamed = 0;
        for (Message m : Samples.all()) {
            byte[] frame = FrameCodec.encode(m);
            assertEquals(m, FrameCodec.decodeFrame(frame), m.toString());
            assertEquals(FrameCodec.typeOf(m).code(), frame[4]);
            seen.add(FrameCodec.typeOf(m));
            FrameCodec.write(stream, m); // CHUNK takes the direct path here: it must write the same bytes
            assertEquals(frame.length, stream.size() - streamed);
            assertArrayEquals(frame, java.util.Arrays.copyOfRange(stream.toByteArray(), streamed, stream.size()));
            streamed = stream.size();
        }
        assertEquals(EnumSet.allOf(MessageType.class), seen, "a sample of every type");
        ByteArrayInputStream in = new ByteArrayInputStream(stream.toByteArray());
        for (Message m : Samples.all()) {
            assertEquals(m, FrameCodec.read(in));
        }
        assertNull(FrameCodec.read(in), "clean end between frames");
    }

    private static String refusal(byte[] frame) {
        return assertThrows(ProtocolException.class, () -> FrameCodec.decodeFrame(frame)).getMessage();
    }

    private static byte[] frame(int type, byte... payload) {
        return ByteBuffer.allocate(5 + payload.length).putInt(payload.length + 1).put((byte) type).put(payload).array();
    }

    @Test
    void everyClassOfMalformedFrameIsRefusedWithAReason() {
        assertTrue(refusal(new byte[] {0, 0, 0}).contains("shorter than its header"));
        assertTrue(refusal(new byte[] {0, 0, 0, 0, 3}).contains("frame length 0 outside"));
        assertTrue(refusal(ByteBuffer.allocate(5).putInt(FrameCodec.MAX_FRAME + 1).put((byte) 3).array())
                .contains("outside 1.." + FrameCodec.MAX_FRAME));
        assertTrue(refusal(ByteBuffer.allocate(5).putInt(-1).put((byte) 3).array()).contains("4294967295"));
        assertTrue(refusal(ByteBuffer.allocate(6).putInt(1).put((byte) 3).put((byte) 0).array()).contains("but 2 bytes follow"));
        assertEquals("unknown message type 0", refusal(frame(0)));
        assertEquals("unknown message type 99", refusal(frame(99)));
        assertEquals("1 trailing bytes after STATUS", refusal(frame(3, (byte) 0)));
        // HELLO with a string that claims more bytes than there are
        assertTrue(refusal(frame(1, (byte) 0, (byte) 1, (byte) 0, (byte) 0, (byte) 0, (byte) 9, (byte) 'a'))
                .startsWith("truncated frame: client name needs 9 bytes"));
        // HELLO whose name is not UTF-8 (a lone continuation byte)
        assertEquals("client name is not valid UTF-8",
                refusal(frame(1, (byte) 0, (byte) 1, (byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 0x80)));
        // INSTALL with a boolean of 2
        byte[] install = FrameCodec.encode(new Message.Install(Samples.SHA, false, 0));
        install[5 + 32] = 2;
        assertEquals("allow-downgrade must be 0 or 1, not 2", refusal(install));
        // VERDICT with an unknown outcome
        assertEquals("unknown outcome 9", refusal(frame(12, (byte) 9, (byte) 0)));
        // UPLOAD_BEGIN with a negative size
        byte[] begin = FrameCodec.encode(new Message.UploadBegin(Samples.SHA, 1));
        ByteBuffer.wrap(begin).putLong(begin.length - 8, -5);
        assertEquals("negative size: -5", refusal(begin));
        // CHUNK claiming more data than MAX_CHUNK, before any allocation
        byte[] chunk = FrameCodec.encode(new Message.Chunk(Samples.SHA, 0, new byte[4]));
        ByteBuffer.wrap(chunk).putInt(5 + 32 + 8, FrameCodec.MAX_CHUNK + 1);
        assertTrue(refusal(chunk).contains("exceeds " + FrameCodec.MAX_CHUNK));
        // STATUS_REPLY announcing 65535 slots in a few bytes
        byte[] status = frame(4, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0xff, (byte) 0xff);
        assertTrue(refusal(status).startsWith("slot count of 65535 cannot fit"), refusal(status));
    }

    @Test
    void aStreamCutInsideAFrameIsAProtocolErrorNotACleanEnd() {
        byte[] whole = FrameCodec.encode(new Message.Hello(1, 0, "alice"));
        for (int cut = 1; cut < whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> FrameCodec.read(new ByteArrayInputStream(part)), "cut at " + cut);
            assertEquals("connection ended inside a frame", e.getMessage());
        }
    }

    @Test
    void aHugeLengthIsRefusedBeforeThePayloadIsRead() {
        // 4 GiB claimed, nothing follows: refusing must not wait for or allocate the payload.
        byte[] header = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 3};
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.read(new ByteArrayInputStream(header)));
        assertTrue(e.getMessage().startsWith("frame length 4294967295 outside"), e.getMessage());
    }

    @Test
    void theEncoderRefusesWhatTheDecoderWould() {
        assertThrows(IllegalArgumentException.class, () -> FrameCodec.encode(new Message.UploadBegin("ABC", 1)));
        assertThrows(IllegalArgumentException.class,
                () -> FrameCodec.encode(new Message.UploadBegin(Samples.SHA.toUpperCase(), 1)));
        assertThrows(IllegalArgumentException.class, () -> FrameCodec.encode(new Message.ChunkAck(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> FrameCodec.encode(new Message.Chunk(Samples.SHA, 0, new byte[FrameCodec.MAX_CHUNK + 1])));
        assertThrows(IllegalArgumentException.class,
                () -> FrameCodec.encode(new Message.DebugData(new byte[FrameCodec.MAX_DEBUG_DATA + 1])));
    }

    @Test
    void debugDataBeyondItsLimitIsAProtocolErrorBeforeTheBytesAreRead() {
        // a DEBUG_DATA frame within the 1 MiB frame limit but claiming more JDWP bytes than one frame may carry
        byte[] frame = java.nio.ByteBuffer.allocate(4 + 1 + 4).putInt(1 + 4).put((byte) MessageType.DEBUG_DATA.code())
                .putInt(FrameCodec.MAX_DEBUG_DATA + 1).array();
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decodeFrame(frame));
        assertTrue(e.getMessage().contains("debug data"), e.getMessage());
    }
}

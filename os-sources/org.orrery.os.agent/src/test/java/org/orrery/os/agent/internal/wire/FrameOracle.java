// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the frame decoder must do with any bytes, whoever made them (the random-damage test, Jazzer): refuse with a
 * {@link ProtocolException} that says why, or accept exactly the canonical encoding of what it returns, so no two
 * byte strings mean one message. A frame whose length field is consistent must be judged the same by the stream
 * reader as by {@code decodeFrame}. Anything else, another exception or an Error, fails as an AssertionError.
 */
final class FrameOracle {

    private FrameOracle() {
    }

    /**
     * @param label names the input in a failure ("case 17")
     * @return true if the decoder refused the bytes, false if it accepted them (in canonical form)
     */
    static boolean refuses(byte[] bytes, String label) {
        Message m;
        try {
            m = FrameCodec.decodeFrame(bytes);
        } catch (ProtocolException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), label + ": a refusal without words");
            streamAgrees(bytes, refused.getMessage(), null, label);
            return true;
        } catch (RuntimeException | Error escaped) {
            throw new AssertionError(label + " escaped as " + escaped + " on " + Arrays.toString(bytes), escaped);
        }
        assertArrayEquals(FrameCodec.encode(m), bytes, label + ": accepted a non-canonical frame " + m);
        streamAgrees(bytes, null, m, label);
        return false;
    }

    /**
     * The stream reader (which takes CHUNK's bytes straight from the stream) must judge a frame whose length field
     * is consistent exactly as {@code decodeFrame} does: the same message, or a refusal with the same words.
     */
    private static void streamAgrees(byte[] bytes, String refusal, Message accepted, String label) {
        if (bytes.length < 5 || Integer.toUnsignedLong(ByteBuffer.wrap(bytes).getInt(0)) != bytes.length - 4) {
            return; // a stream has no end of frame to compare against: there the length field decides alone
        }
        try {
            Message m = FrameCodec.read(new ByteArrayInputStream(bytes));
            assertEquals(accepted, m, label + ": the stream accepted what decodeFrame refused: " + refusal);
        } catch (ProtocolException e) {
            assertEquals(refusal, e.getMessage(), label + ": the stream refused differently");
        } catch (IOException | RuntimeException | Error escaped) {
            throw new AssertionError(label + " escaped the stream reader as " + escaped, escaped);
        }
    }
}

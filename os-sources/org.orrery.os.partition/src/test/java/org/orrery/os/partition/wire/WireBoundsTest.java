// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;
import org.orrery.os.api.Message;

/**
 * What the reading end of the wire refuses before it allocates or believes anything: the kernel reads frames a
 * partition process wrote, and a partition process may be anything. Each refusal is a ProtocolException naming what
 * was wrong, which the kernel tells from a lost connection and refuses at once as the partition's protocol violation.
 */
class WireBoundsTest {

    /** The reading end's object for ids: the kernel's, which has none here. */
    private static final Wire.Side KERNEL = new Wire.Side() {
        @Override
        public int handleId(Object service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object handle(int id, int iface) throws IOException {
            throw new ProtocolException("no service #" + id);
        }

        @Override
        public int bodyId(Runnable body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Runnable body(int id) {
            return () -> { };
        }

        @Override
        public Message message(int capacity) {
            return new Message(capacity);
        }
    };

    private interface Bytes {
        void write(DataOutputStream out) throws IOException;
    }

    private static String refusal(Bytes frame) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        frame.write(new DataOutputStream(b));
        Wire w = new Wire(new ByteArrayInputStream(b.toByteArray()), OutputStream.nullOutputStream(), KERNEL);
        return assertThrows(ProtocolException.class, w::read).getMessage();
    }

    /** A CALL of thread 1 on the partition object's method 0, with one argument written by {@code arg}. */
    private static Bytes call(Bytes arg) {
        return out -> {
            out.writeByte(Frame.CALL);
            out.writeInt(1);
            out.writeInt(0);
            out.writeShort(0);
            out.writeByte(1);
            arg.write(out);
        };
    }

    @Test
    void anUnknownFrameTypeIsRefused() throws IOException {
        assertEquals("protocol: unknown frame type 99", refusal(out -> {
            out.writeByte(99);
            out.writeInt(1);
        }));
    }

    @Test
    void moreArgumentsOrFilledMessagesThanAnyCallHasAreRefused() throws IOException {
        assertEquals("protocol: 9 arguments", refusal(out -> {
            out.writeByte(Frame.CALL);
            out.writeInt(1);
            out.writeInt(0);
            out.writeShort(0);
            out.writeByte(9);
        }));
        assertEquals("protocol: 5 filled messages", refusal(out -> {
            out.writeByte(Frame.RETURN);
            out.writeInt(1);
            out.writeByte(0); // null value
            out.writeByte(5);
        }));
    }

    @Test
    void aStringOrArrayBeyondTheLimitOrOfNegativeLengthIsRefusedBeforeItIsRead() throws IOException {
        assertEquals("protocol: " + (Wire.MAX_BYTES + 1) + " bytes", refusal(out -> {
            out.writeByte(Frame.END);
            out.writeInt(1);
            out.writeByte(Frame.FAILED);
            out.writeInt(Wire.MAX_BYTES + 1);
        }));
        assertEquals("protocol: -2 bytes", refusal(out -> {
            out.writeByte(Frame.RETURN);
            out.writeInt(1);
            out.writeByte(0); // null value
            out.writeByte(1);
            out.writeInt(-2); // a filled message's length
        }));
        assertEquals("protocol: array 5/4", refusal(call(out -> {
            out.writeByte(12); // BYTES
            out.writeInt(4);
            out.writeInt(5);
        })));
        assertEquals("protocol: array 0/" + (Wire.MAX_BYTES + 1), refusal(call(out -> {
            out.writeByte(12);
            out.writeInt(Wire.MAX_BYTES + 1);
            out.writeInt(0);
        })));
        assertEquals("protocol: message capacity " + (Wire.MAX_BYTES + 1), refusal(call(out -> {
            out.writeByte(13); // MESSAGE
            out.writeInt(Wire.MAX_BYTES + 1);
        })));
    }

    @Test
    void anUnknownValueTagOrEnumConstantIsRefused() throws IOException {
        assertEquals("protocol: unknown value tag 99", refusal(call(out -> out.writeByte(99))));
        assertEquals("protocol: enum 0/999", refusal(call(out -> {
            out.writeByte(6); // ENUM
            out.writeByte(0); // ErrorCode
            out.writeShort(999);
        })));
        assertEquals("protocol: enum 9/0", refusal(call(out -> {
            out.writeByte(6);
            out.writeByte(9);
            out.writeShort(0);
        })));
    }

    @Test
    void anErrorStatusHoldingAnotherTypeWhereItsCodeOrProcessGoesIsRefused() throws IOException {
        assertEquals("protocol: an error status's code is a java.lang.Integer", refusal(call(out -> {
            out.writeByte(11); // ERROR_STATUS
            out.writeByte(3); // INT where the ErrorCode goes
            out.writeInt(7);
        })));
        assertEquals("protocol: an error status's process is a java.lang.Boolean", refusal(call(out -> {
            out.writeByte(11);
            out.writeByte(0); // null code
            out.writeByte(1); // TRUE where the ProcessRef goes
        })));
    }
}

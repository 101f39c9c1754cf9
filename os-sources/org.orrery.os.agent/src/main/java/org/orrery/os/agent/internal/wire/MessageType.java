// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

/** The frame's type byte. Codes are the wire format: never renumber, only add. */
public enum MessageType {
    HELLO(1), WELCOME(2), STATUS(3), STATUS_REPLY(4), UPLOAD_BEGIN(5), UPLOAD_OFFSET(6), CHUNK(7), CHUNK_ACK(8),
    INSTALL(9), INSTALLED(10), AWAIT(11), VERDICT(12), SUBSCRIBE(13), EVENT(14), ERROR(15),
    DEBUG_OPEN(16), DEBUG_DATA(17), DEBUG_CLOSE(18), TRACE_START(19), TRACE_PACKET(20), TRACE_END(21), CONTROL(22),
    CONTROL_DONE(23);

    private static final MessageType[] BY_CODE = new MessageType[32];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static MessageType of(int code) throws ProtocolException {
        MessageType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new ProtocolException("unknown message type " + code);
        }
        return t;
    }
}

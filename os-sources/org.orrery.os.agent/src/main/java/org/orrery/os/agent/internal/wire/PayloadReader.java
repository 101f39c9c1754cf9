// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Strict reads from one frame's payload: every length is checked against what is left before anything is allocated. */
final class PayloadReader {

    private final ByteBuffer buf;

    PayloadReader(byte[] payload) {
        this.buf = ByteBuffer.wrap(payload);
    }

    private void need(int n, String what) throws ProtocolException {
        if (n < 0 || buf.remaining() < n) {
            throw new ProtocolException("truncated frame: " + what + " needs " + n + " bytes, " + buf.remaining() + " left");
        }
    }

    int u8(String what) throws ProtocolException {
        need(1, what);
        return buf.get() & 0xff;
    }

    int u16(String what) throws ProtocolException {
        need(2, what);
        return buf.getShort() & 0xffff;
    }

    long i64(String what) throws ProtocolException {
        need(8, what);
        return buf.getLong();
    }

    long nonNegative(String what) throws ProtocolException {
        long v = i64(what);
        if (v < 0) {
            throw new ProtocolException("negative " + what + ": " + v);
        }
        return v;
    }

    boolean bool(String what) throws ProtocolException {
        int b = u8(what);
        if (b > 1) {
            throw new ProtocolException(what + " must be 0 or 1, not " + b);
        }
        return b == 1;
    }

    String string(String what) throws ProtocolException {
        int n = u16(what + " length");
        need(n, what);
        ByteBuffer slice = buf.slice(buf.position(), n);
        buf.position(buf.position() + n);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(what + " is not valid UTF-8");
        }
    }

    String optionalString(String what) throws ProtocolException {
        return bool(what + " present") ? string(what) : null;
    }

    /** A SHA-256 as 32 raw bytes, returned as lower-case hex. */
    String sha256(String what) throws ProtocolException {
        need(32, what);
        byte[] h = new byte[32];
        buf.get(h);
        return HexFormat.of().formatHex(h);
    }

    byte[] bytes(String what, int max) throws ProtocolException {
        int n = length(what, max);
        need(n, what);
        byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    /** The length prefix of a byte string, checked against {@code max}; the bytes themselves are the caller's. */
    int length(String what, int max) throws ProtocolException {
        need(4, what + " length");
        int n = buf.getInt();
        if (n < 0 || n > max) {
            throw new ProtocolException(what + " of " + Integer.toUnsignedString(n) + " bytes exceeds " + max);
        }
        return n;
    }

    /** A count of items each at least {@code minItemBytes} long: refused when the payload cannot hold them. */
    int count(String what, int minItemBytes) throws ProtocolException {
        int n = u16(what);
        if ((long) n * minItemBytes > buf.remaining()) {
            throw new ProtocolException(what + " of " + n + " cannot fit in the " + buf.remaining() + " bytes left");
        }
        return n;
    }

    void end(String message) throws ProtocolException {
        if (buf.hasRemaining()) {
            throw new ProtocolException(buf.remaining() + " trailing bytes after " + message);
        }
    }
}

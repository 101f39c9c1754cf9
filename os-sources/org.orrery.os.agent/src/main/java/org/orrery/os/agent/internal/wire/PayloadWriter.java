// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The writing twin of {@link PayloadReader}; refuses to write what the reader would refuse. */
final class PayloadWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PayloadWriter u8(int v) {
        out.write(v);
        return this;
    }

    PayloadWriter u16(int v) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException("does not fit in 16 bits: " + v);
        }
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    PayloadWriter i64(long v) {
        for (int s = 56; s >= 0; s -= 8) {
            out.write((int) (v >>> s));
        }
        return this;
    }

    PayloadWriter nonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException("negative " + what + ": " + v);
        }
        return i64(v);
    }

    PayloadWriter bool(boolean b) {
        return u8(b ? 1 : 0);
    }

    PayloadWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u16(b.length);
        out.writeBytes(b);
        return this;
    }

    PayloadWriter optionalString(String s) {
        bool(s != null);
        return s == null ? this : string(s);
    }

    PayloadWriter sha256(String hex) {
        byte[] h;
        try {
            h = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            h = new byte[0];
        }
        if (h.length != 32 || !hex.equals(HexFormat.of().formatHex(h))) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + hex);
        }
        out.writeBytes(h);
        return this;
    }

    PayloadWriter bytes(byte[] b) {
        u8(b.length >>> 24).u8(b.length >>> 16).u8(b.length >>> 8).u8(b.length);
        out.writeBytes(b);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}

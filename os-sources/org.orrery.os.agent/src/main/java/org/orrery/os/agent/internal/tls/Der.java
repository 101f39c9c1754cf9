// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Just enough DER to write one self-signed certificate: the agent needs a certificate only because TLS carries
 * keys in certificates; nobody validates its fields, peers pin the key inside it.
 */
final class Der {

    private Der() {
    }

    static byte[] tlv(int tag, byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else {
            byte[] len = BigInteger.valueOf(n).toByteArray();
            int skip = len[0] == 0 ? 1 : 0;
            out.write(0x80 | (len.length - skip));
            out.write(len, skip, len.length - skip);
        }
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        return tlv(0x30, parts);
    }

    static byte[] set(byte[]... parts) {
        return tlv(0x31, parts);
    }

    static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    /** Object identifier from its dotted form (first arc 0..2, second below 40 as certificates use). */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long v = Long.parseLong(arcs[i]);
            int groups = 1;
            for (long t = v >>> 7; t != 0; t >>>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((v >>> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    static byte[] utf8(String s) {
        return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    /** GeneralizedTime, {@code YYYYMMDDHHMMSSZ}. */
    static byte[] generalizedTime(String yyyyMMddHHmmss) {
        return tlv(0x18, (yyyyMMddHHmmss + "Z").getBytes(StandardCharsets.US_ASCII));
    }

    /** UTCTime, {@code YYMMDDHHMMSSZ} (RFC 5280 wants it for years before 2050). */
    static byte[] utcTime(String yyMMddHHmmss) {
        return tlv(0x17, (yyMMddHHmmss + "Z").getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] bitString(byte[] bytes) {
        byte[] b = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, b, 1, bytes.length);
        return tlv(0x03, b);
    }

    static byte[] explicit(int number, byte[] content) {
        return tlv(0xa0 | number, content);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bounds-checked big-endian input: every read names its field, so a bad byte becomes a clear error. */
final class Decoder {
    private final byte[] data;
    private final int end;
    private int pos;
    private String[] strings = new String[0];

    Decoder(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    private void need(int n, String field) throws ConfigException {
        if (end - pos < n) {
            throw new ConfigException(field, pos, "truncated: needs " + n + " bytes, " + (end - pos) + " left");
        }
    }

    int u8(String field) throws ConfigException {
        need(1, field);
        return data[pos++] & 0xff;
    }

    int u16(String field) throws ConfigException {
        need(2, field);
        int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    int i32(String field) throws ConfigException {
        need(4, field);
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
                | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    long i64(String field) throws ConfigException {
        long hi = i32(field) & 0xffff_ffffL;
        long lo = i32(field) & 0xffff_ffffL;
        return (hi << 32) | lo;
    }

    boolean bool(String field) throws ConfigException {
        int at = pos;
        int v = u8(field);
        if (v > 1) {
            throw new ConfigException(field, at, "boolean must be 0 or 1 (is " + v + ")");
        }
        return v == 1;
    }

    <E extends Enum<E>> E enumeration(Class<E> type, String field) throws ConfigException {
        int at = pos;
        int v = u8(field);
        E[] values = type.getEnumConstants();
        if (v >= values.length) {
            throw new ConfigException(field, at, type.getSimpleName() + " ordinal " + v + " out of range 0.."
                    + (values.length - 1));
        }
        return values[v];
    }

    /** A list length, checked against the limit and against the bytes left (each item takes at least one). */
    int count(String field, int max) throws ConfigException {
        int at = pos;
        int n = i32(field);
        if (n < 0 || n > max) {
            throw new ConfigException(field, at, "count " + Integer.toUnsignedString(n) + " out of range 0.." + max);
        }
        if (n > remaining()) {
            throw new ConfigException(field, at, "truncated: count " + n + " but only " + remaining() + " bytes left");
        }
        return n;
    }

    /** An index into a table of {@code size} entries; -1 allowed when {@code optional}. */
    int ref(String field, int size, boolean optional) throws ConfigException {
        int at = pos;
        int v = (short) u16(field);
        if (v == -1 && optional) {
            return -1;
        }
        if (v < 0 || v >= size) {
            throw new ConfigException(field, at, "index " + v + " out of range 0.." + (size - 1));
        }
        return v;
    }

    String str(String field) throws ConfigException {
        int at = pos;
        int i = i32(field);
        if (i < 0 || i >= strings.length) {
            throw new ConfigException(field, at, "string index " + i + " out of range 0.." + (strings.length - 1));
        }
        return strings[i];
    }

    void readStringTable() throws ConfigException {
        int n = count("strings", Limits.MAX_STRINGS);
        String[] table = new String[n];
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < n; i++) {
            String field = "strings[" + i + "]";
            int len = u16(field);
            if (len > Limits.MAX_STRING_BYTES) {
                throw new ConfigException(field, pos - 2, "string of " + len + " bytes, at most "
                        + Limits.MAX_STRING_BYTES + " allowed");
            }
            need(len, field);
            try {
                table[i] = utf8.decode(ByteBuffer.wrap(data, pos, len)).toString();
            } catch (CharacterCodingException e) {
                throw new ConfigException(field, pos, "not valid UTF-8");
            }
            pos += len;
        }
        strings = table;
    }
}

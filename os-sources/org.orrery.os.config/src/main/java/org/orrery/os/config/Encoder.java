// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Big-endian primitive output with a string table filled in first-use order (deterministic). */
final class Encoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> table = new ArrayList<>();

    void u8(int v) {
        out.write(v);
    }

    void u16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    void i32(int v) {
        u16(v >>> 16);
        u16(v);
    }

    void i64(long v) {
        i32((int) (v >>> 32));
        i32((int) v);
    }

    void bool(boolean v) {
        u8(v ? 1 : 0);
    }

    void enumeration(Enum<?> e) {
        u8(e.ordinal());
    }

    void str(String s) {
        Integer i = index.get(s);
        if (i == null) {
            i = table.size();
            index.put(s, i);
            table.add(s);
        }
        i32(i);
    }

    void count(int n) {
        i32(n);
    }

    byte[] body() {
        return out.toByteArray();
    }

    /** The string table in its encoded form. */
    byte[] strings() {
        Encoder t = new Encoder();
        t.i32(table.size());
        for (String s : table) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            t.u16(b.length);
            t.out.writeBytes(b);
        }
        return t.out.toByteArray();
    }
}

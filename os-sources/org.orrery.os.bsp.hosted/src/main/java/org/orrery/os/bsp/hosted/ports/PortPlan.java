// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one partition process maps: its ports on a sampling channel, each with its region files. The kernel hands it
 * to the partition process as a system property ({@link #PROPERTY}); the partition maps nothing else.
 */
record PortPlan(Path clock, List<Entry> entries) {
    static final String PROPERTY = "orrery.shm.ports";
    static final String CLOCK_PROPERTY = "orrery.shm.clock";

    /**
     * One port.
     *
     * @param slot the channel's sampling region (mapped read-write by the source, read-only by destinations)
     * @param reads a destination's own read counter (null for the source)
     */
    record Entry(String port, boolean source, int maxMessageSize, long refreshNs, Path slot, Path reads) {
    }

    Entry entry(String port) {
        for (Entry e : entries) {
            if (e.port().equals(port)) {
                return e;
            }
        }
        return null;
    }

    String encode() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(String.join(",", enc(e.port()), e.source() ? "S" : "D", Integer.toString(e.maxMessageSize()),
                    Long.toString(e.refreshNs()), enc(e.slot().toString()), e.reads() == null ? "-" : enc(e.reads().toString())));
        }
        return String.join(";", out);
    }

    /** The plan the process was started with; an empty plan without the properties. */
    static PortPlan fromProperties() {
        String ports = System.getProperty(PROPERTY, "");
        String clock = System.getProperty(CLOCK_PROPERTY);
        return decode(clock == null ? null : Path.of(clock), ports);
    }

    static PortPlan decode(Path clock, String text) {
        List<Entry> entries = new ArrayList<>();
        for (String item : text.isEmpty() ? new String[0] : text.split(";")) {
            String[] f = item.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(PROPERTY + ": malformed entry '" + item + "'");
            }
            entries.add(new Entry(dec(f[0]), f[1].equals("S"), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                    Path.of(dec(f[4])), f[5].equals("-") ? null : Path.of(dec(f[5]))));
        }
        return new PortPlan(clock, List.copyOf(entries));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

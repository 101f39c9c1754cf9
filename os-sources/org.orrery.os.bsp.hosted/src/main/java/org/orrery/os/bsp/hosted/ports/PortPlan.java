// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.ports;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.config.OverflowPolicy;

/**
 * What one partition process maps: its ports on a channel, each with its region files. The kernel hands it to the
 * partition process as a system property ({@link #PROPERTY}); the partition maps nothing else.
 */
record PortPlan(Path clock, List<Entry> entries) {
    static final String PROPERTY = "orrery.shm.ports";
    static final String CLOCK_PROPERTY = "orrery.shm.clock";

    /**
     * One port.
     *
     * @param queuing a queuing port (else sampling)
     * @param depths queuing: the depth of each region of {@code messages} (destinations may differ); empty for sampling
     * @param policy queuing source: the channel's overflow policy (null otherwise)
     * @param traffic the port's own traffic counter (null for a sampling source: its slot counts)
     * @param messages sampling: the channel's slot; queuing source: the ring of each destination; queuing
     *        destination: its ring
     * @param consumers queuing source: each destination's consumer region; queuing destination: its own (empty for
     *        sampling)
     */
    record Entry(String port, boolean queuing, boolean source, int maxMessageSize, long refreshNs, List<Integer> depths,
            OverflowPolicy policy, Path traffic, List<Path> messages, List<Path> consumers) {
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
            out.add(String.join(",", enc(e.port()), e.queuing() ? "Q" : "S", e.source() ? "S" : "D",
                    Integer.toString(e.maxMessageSize()), Long.toString(e.refreshNs()), String.join("|", e.depths().stream().map(String::valueOf).toList()),
                    e.policy() == null ? "-" : e.policy().name(), e.traffic() == null ? "-" : enc(e.traffic().toString()),
                    paths(e.messages()), paths(e.consumers())));
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
            if (f.length != 10) {
                throw new IllegalArgumentException(PROPERTY + ": malformed entry '" + item + "'");
            }
            entries.add(new Entry(dec(f[0]), f[1].equals("Q"), f[2].equals("S"), Integer.parseInt(f[3]),
                    Long.parseLong(f[4]), depths(f[5]), f[6].equals("-") ? null : OverflowPolicy.valueOf(f[6]),
                    f[7].equals("-") ? null : Path.of(dec(f[7])), paths(f[8]), paths(f[9])));
        }
        return new PortPlan(clock, List.copyOf(entries));
    }

    private static List<Integer> depths(String s) {
        return s.isEmpty() ? List.of() : java.util.Arrays.stream(s.split("\\|")).map(Integer::valueOf).toList();
    }

    private static String paths(List<Path> ps) {
        return String.join("|", ps.stream().map(p -> enc(p.toString())).toList());
    }

    private static List<Path> paths(String s) {
        return s.isEmpty() ? List.of() : java.util.Arrays.stream(s.split("\\|")).map(x -> Path.of(dec(x))).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

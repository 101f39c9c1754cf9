// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.orrery.os.testing.NetworkNamespace;

/** The TCP ports listening in a network namespace, read from its /proc/net/tcp and tcp6 as the kernel lists them. */
final class BoardSockets {

    private static final String LISTEN = "0A";

    private BoardSockets() {
    }

    static List<Integer> listeningPorts(NetworkNamespace ns) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(inNamespace(ns, List.of("cat", "/proc/net/tcp", "/proc/net/tcp6")))
                .redirectErrorStream(true).start();
        String table = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("cannot read the namespace's sockets: " + table);
        }
        return parse(table);
    }

    /**
     * {@code command} run in the namespace's network only: `ip netns exec` also gives it a fresh /sys, without the
     * cgroup file system the hosted board needs, so this enters the network namespace alone.
     */
    static List<String> inNamespace(NetworkNamespace ns, List<String> command) {
        List<String> c = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + ns.name(), "--"));
        c.addAll(command);
        return c;
    }

    /** Lines {@code sl local_address rem_address st ...}; local_address is {@code HEXADDR:HEXPORT}. */
    static List<Integer> parse(String table) {
        TreeSet<Integer> ports = new TreeSet<>();
        for (String line : table.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":") || !f[3].equals(LISTEN)) {
                continue;
            }
            ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
        }
        return new ArrayList<>(ports);
    }
}

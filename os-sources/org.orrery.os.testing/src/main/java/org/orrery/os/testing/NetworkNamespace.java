// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Linux network namespace joined to this host by a veth pair, standing in for a board on its own network: a
 * process started in it ({@link #command}) reaches the host, and the host reaches it, only through the pair's
 * addresses ({@link #boardAddress()}, {@link #hostAddress()}). Needs root and iproute2's {@code ip}; where they
 * are missing tests fall back to loopback ({@link #available()}). Closing deletes the namespace, and with it the
 * pair, even when processes still run inside (they lose their network).
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String name;
    private final String hostLink;
    private final InetAddress host;
    private final InetAddress board;

    private NetworkNamespace(String name, String hostLink, InetAddress host, InetAddress board) {
        this.name = name;
        this.hostLink = hostLink;
        this.host = host;
        this.board = board;
    }

    /** True when this process can make namespaces: root, Linux, {@code ip} on the path. */
    public static boolean available() {
        if (!"root".equals(System.getProperty("user.name")) || !System.getProperty("os.name").equals("Linux")) {
            return false;
        }
        try {
            run(List.of("ip", "netns", "list"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A new namespace with a /30 between host and board, from 10.231.0.0/16 (this process's id and a counter pick the
     * subnet, so parallel test JVMs do not collide), its loopback up.
     */
    public static NetworkNamespace create() throws IOException {
        int n = (int) ((ProcessHandle.current().pid() * 16 + NEXT.getAndIncrement()) % 16_384);
        String name = "orrery-test-" + ProcessHandle.current().pid() + "-" + n;
        String hostLink = "orv" + n + "h";
        String boardLink = "orv" + n + "b";
        InetAddress host = InetAddress.getByAddress(new byte[] {10, (byte) 231, (byte) (n >> 6), (byte) ((n & 63) * 4 + 1)});
        InetAddress board = InetAddress.getByAddress(new byte[] {10, (byte) 231, (byte) (n >> 6), (byte) ((n & 63) * 4 + 2)});
        // a namespace a killed test JVM left behind holds the same names
        runQuietly(List.of("ip", "netns", "del", name));
        runQuietly(List.of("ip", "link", "del", hostLink));
        NetworkNamespace ns = new NetworkNamespace(name, hostLink, host, board);
        try {
            run(List.of("ip", "netns", "add", name));
            run(List.of("ip", "link", "add", hostLink, "type", "veth", "peer", "name", boardLink));
            run(List.of("ip", "link", "set", boardLink, "netns", name));
            run(List.of("ip", "addr", "add", host.getHostAddress() + "/30", "dev", hostLink));
            run(List.of("ip", "link", "set", hostLink, "up"));
            run(ns.command(List.of("ip", "addr", "add", board.getHostAddress() + "/30", "dev", boardLink)));
            run(ns.command(List.of("ip", "link", "set", boardLink, "up")));
            run(ns.command(List.of("ip", "link", "set", "lo", "up")));
            return ns;
        } catch (IOException e) {
            ns.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** The board's end of the pair: where a server in the namespace listens for the host. */
    public InetAddress boardAddress() {
        return board;
    }

    /** The host's end of the pair. */
    public InetAddress hostAddress() {
        return host;
    }

    /** {@code command} as run inside the namespace. */
    public List<String> command(List<String> command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
        c.addAll(command);
        return c;
    }

    @Override
    public void close() {
        runQuietly(List.of("ip", "netns", "del", name));
        runQuietly(List.of("ip", "link", "del", hostLink));
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer in 10 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + ": exit " + p.exitValue() + ": " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted");
        }
    }

    private static void runQuietly(List<String> command) {
        try {
            run(command);
        } catch (IOException e) {
            // nothing to remove
        }
    }
}

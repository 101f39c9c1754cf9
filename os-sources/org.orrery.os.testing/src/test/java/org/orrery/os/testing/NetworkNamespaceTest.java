// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A namespace is a separate network: reachable through its veth pair only, not through the host's loopback. */
class NetworkNamespaceTest {

    @Test
    void aProcessInTheNamespaceReachesTheHostThroughThePairButNotThroughLoopback() throws Exception {
        assumeTrue(NetworkNamespace.available(), "needs root and iproute2 to make a network namespace");
        try (NetworkNamespace ns = NetworkNamespace.create();
                ServerSocket onPair = new ServerSocket(0, 1, ns.hostAddress());
                ServerSocket onLoopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(0, bashInside(ns, "echo hello >/dev/tcp/" + ns.hostAddress().getHostAddress() + "/" + onPair.getLocalPort()));
            onPair.setSoTimeout(5000);
            try (Socket s = onPair.accept()) {
                assertEquals(ns.boardAddress(), s.getInetAddress());
                assertEquals("hello", new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine());
            }
            // the namespace's loopback is its own: the host's loopback server is not there
            assertNotEquals(0, bashInside(ns, "echo hello >/dev/tcp/127.0.0.1/" + onLoopback.getLocalPort()));
        }
    }

    private static int bashInside(NetworkNamespace ns, String script) throws Exception {
        Process p = new ProcessBuilder(ns.command(List.of("bash", "-c", script))).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}

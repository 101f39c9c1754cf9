// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Set;

import org.orrery.os.agent.Agent;
import org.orrery.os.agent.AgentServer;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.client.ClientIdentity;

/** A board agent on loopback, in its own slot directory, that lets one user flash and monitor. */
public final class TestAgent implements AutoCloseable {

    private final AgentServer server;

    private TestAgent(AgentServer server) {
        this.server = server;
    }

    /** An agent over an {@link ImageBoard} trusting {@code signer}, whose trials last {@code trial}. */
    public static TestAgent start(Path dir, PublicKey signer, Duration trial, ClientIdentity user) throws IOException {
        Agent.authorize(dir, user.fingerprint(), Set.of(Role.FLASH, Role.MONITOR), "studio-test");
        return new TestAgent(Agent.start(dir, new InetSocketAddress("127.0.0.1", 0), new ImageBoard(dir, signer, trial),
                new PrintStream(OutputStream.nullOutputStream())));
    }

    /** {@code 127.0.0.1:PORT}, as a user types it. */
    public String address() {
        return "127.0.0.1:" + server.address().getPort();
    }

    public String fingerprint() {
        return server.fingerprint();
    }

    @Override
    public void close() {
        server.close();
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.orrery.os.agent.client.ClientIdentity;

/** A running agent on loopback over a {@link MemoryBoard}, with a user who may or may not be authorised. */
final class TestBoards implements AutoCloseable {

    final Path dir;
    final MemoryBoard board = new MemoryBoard();
    final AgentServer server;

    TestBoards(Path dir) throws IOException {
        this.dir = dir;
        this.server = Agent.start(dir, new InetSocketAddress("127.0.0.1", 0), board,
                new PrintStream(OutputStream.nullOutputStream()));
    }

    /** A user with their own home; authorised with {@code roles} unless they are empty. */
    ClientIdentity user(Path home, String name, Role... roles) throws IOException {
        ClientIdentity me = ClientIdentity.loadOrCreate(home);
        if (roles.length > 0) {
            Agent.authorize(dir, me.fingerprint(), Set.of(roles), name);
        }
        return me;
    }

    List<String> log() throws IOException {
        Path f = dir.resolve(Agent.LOG_FILE);
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    /** The server logs after the client has seen the outcome: wait for the line a bounded time. */
    String awaitLogLine(Predicate<String> wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : log()) {
                if (wanted.test(l)) {
                    return l;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such audit line in " + log());
    }

    @Override
    public void close() {
        server.close();
    }
}

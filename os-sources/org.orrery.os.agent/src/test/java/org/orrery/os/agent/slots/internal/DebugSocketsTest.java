// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.agent.Refusal;

/** The folder the hosted board's debug sockets and refusals appear in, as the agent reads it. */
class DebugSocketsTest {

    @Test
    void theFolderIsOwnerOnlyAndHandedToTheBootChildEmpty() throws Exception {
        try (DebugSockets sockets = DebugSockets.create()) {
            List<String> jvm = sockets.prepare(List.of("-Xss512k"));
            assertEquals("-Xss512k", jvm.get(0));
            Path dir = Path.of(jvm.get(1).substring(("-D" + DebugSockets.PROPERTY + "=").length()));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            Files.writeString(dir.resolve("nav.refused"), "stale\n");
            sockets.prepare(List.of());
            assertEquals(0, Files.list(dir).count(), "what an earlier boot left is gone");
        }
    }

    @Test
    void theFolderOfAnAgentThatIsGoneIsRemovedByTheNextOne() throws Exception {
        // pid 2^22 + 1 is above Linux's largest pid, so no process has it
        Path stale = Files.createTempDirectory(DebugSockets.PREFIX + ((1L << 22) + 1) + "-");
        Files.writeString(stale.resolve("nav.refused"), "old\n");
        try (DebugSockets sockets = DebugSockets.create()) {
            assertTrue(Files.notExists(stale), stale + " is gone");
        }
    }

    @Test
    void aRefusalSocketOrNothingEachGivesItsAnswer() throws Exception {
        try (DebugSockets sockets = DebugSockets.create()) {
            String opt = sockets.prepare(List.of()).get(0);
            Path dir = Path.of(opt.substring(opt.indexOf('=') + 1));
            Refusal bad = assertThrows(Refusal.class, () -> sockets.connect("../etc"));
            assertEquals("bad-request", bad.code());
            Refusal none = assertThrows(Refusal.class, () -> sockets.connect("nav"));
            assertEquals("no-partition", none.code());
            Files.writeString(dir.resolve("nav.refused"), "partition nav cannot be debugged on this board: because\n");
            Refusal refused = assertThrows(Refusal.class, () -> sockets.connect("nav"));
            assertEquals("unsupported", refused.code());
            assertEquals("partition nav cannot be debugged on this board: because", refused.getMessage());
            try (ServerSocketChannel relay = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                relay.bind(UnixDomainSocketAddress.of(dir.resolve("fcs.sock")));
                try (ByteChannel ch = sockets.connect("fcs"); SocketChannel board = relay.accept()) {
                    ch.write(ByteBuffer.wrap(new byte[] {'J'}));
                    ByteBuffer got = ByteBuffer.allocate(1);
                    board.read(got);
                    assertTrue(got.get(0) == 'J');
                }
            }
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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
    void theFolderOfAGoneAgentThatAnotherUserOwnsIsNeverWalked() throws Exception {
        // Another user could swap their folder for a link to any folder while an agent run as root empties it.
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder to another user");
        UserPrincipal nobody = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Path planted = Files.createTempDirectory(DebugSockets.PREFIX + ((1L << 22) + 1) + "-");
        try {
            Path file = Files.writeString(planted.resolve("nav.refused"), "planted\n");
            Files.setOwner(file, nobody);
            Files.setOwner(planted, nobody);
            try (DebugSockets sockets = DebugSockets.create()) {
                assertTrue(Files.exists(file), "another user's folder was emptied");
            }
        } finally {
            Files.deleteIfExists(planted.resolve("nav.refused"));
            Files.deleteIfExists(planted);
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

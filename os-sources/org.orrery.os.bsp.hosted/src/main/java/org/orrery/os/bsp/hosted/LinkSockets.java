// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.orrery.os.bsp.hosted.linux.PartitionUsers;

/**
 * The board's end of its partition JVMs' links: a Unix socket per partition in the board's folder, handed to that
 * partition's user, so that only it (and the board) may connect and no partition can speak for another; each accepted
 * on a thread of its own, each connection served on a thread of its own.
 */
final class LinkSockets implements AutoCloseable {
    /** Serves one connection to partition {@code partition}'s socket (on the connection's own thread). */
    interface Server {
        void serve(int partition, SocketChannel channel);
    }

    private final ServerSocketChannel[] sockets;

    /** Opens the sockets of the partitions {@code wanted} marks (by index) and starts accepting on them. */
    LinkSockets(Path dir, boolean[] wanted, PartitionUsers users, Server server) throws IOException {
        sockets = new ServerSocketChannel[wanted.length];
        try {
            for (int i = 0; i < wanted.length; i++) {
                if (wanted[i]) {
                    sockets[i] = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                    sockets[i].bind(UnixDomainSocketAddress.of(socket(dir, i)));
                    users.hand(socket(dir, i), i, "rw-------");
                }
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        for (int i = 0; i < sockets.length; i++) {
            if (sockets[i] != null) {
                int partition = i;
                Thread.ofPlatform().daemon().name("orrery-partition-link-" + i).start(() -> accept(partition, server));
            }
        }
    }

    /** Partition {@code index}'s link socket in the board's folder {@code dir}. */
    static Path socket(Path dir, int index) {
        return dir.resolve("link-" + index + ".sock");
    }

    private void accept(int partition, Server server) {
        while (true) {
            try {
                SocketChannel c = sockets[partition].accept();
                Thread.ofPlatform().daemon().name("orrery-partition-link-reader")
                        .start(() -> server.serve(partition, c));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        for (ServerSocketChannel s : sockets) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (IOException e) {
                // nothing left to serve
            }
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.orrery.os.partition.internal.PartitionRuntime;
import org.orrery.os.partition.internal.RuntimeWarmUp;
import org.orrery.os.partition.wire.ApiTable;
import org.orrery.os.partition.wire.Wire;

/**
 * The main class of a partition process: {@code PartitionMain SOCKET PARTITION APP_JAR}. It connects to the
 * kernel at the Unix domain socket, announces itself, and from then on runs only what the kernel asks for:
 * the application's initialisation and its process bodies, one thread each, every API call a round trip to
 * the kernel. It ends when the kernel says so or goes away.
 */
public final class PartitionMain {

    private PartitionMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: PartitionMain SOCKET PARTITION APP_JAR");
            System.exit(2);
        }
        RuntimeWarmUp.run();
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(args[0]));
        PartitionClassLoader loader = PartitionClassLoader.fromJar(args[1], Files.readAllBytes(Path.of(args[2])));
        PartitionRuntime runtime = new PartitionRuntime(loader, LocalPorts.fromProperty());
        Wire wire = new Wire(Channels.newInputStream(channel), Channels.newOutputStream(channel), runtime);
        wire.hello(args[1], ApiTable.signature());
        runtime.serve(wire);
        // The kernel is gone or said EXIT: nothing of the partition may outlive it (threads included).
        Runtime.getRuntime().halt(0);
    }
}

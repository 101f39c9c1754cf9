// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.orrery.os.bsp.hosted.PartitionKernel;
import org.orrery.os.bsp.hosted.ports.PartitionPorts;
import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.partition.LocalPorts;

/**
 * The main class of a partition process whose processes its own kernel schedules:
 * {@code ResidentMain SOCKET PARTITION APP_JAR CONFIG GUARD_NS}. It links its Linux calls, maps its ports, connects to
 * the board process, boots the partition's kernel and says which partition it is; it starts when the board says where
 * the module's schedule is ({@link LinkMessage.Start}), and from then on tells the board what concerns the module and
 * follows the plans the board switches to, until the board kills it or goes away.
 */
public final class ResidentMain {
    /**
     * {@code ResidentMain --train SOCKET}: the JVM that makes the AOT cache of a partition JVM's start warms up as a
     * partition does, says hello to {@code SOCKET} and ends when the board closes it (its cache is written as it exits).
     */
    public static final String TRAIN = "--train";

    private ResidentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && TRAIN.equals(args[0])) {
            train(args[1]);
            return;
        }
        if (args.length != 5) {
            System.err.println("usage: ResidentMain SOCKET PARTITION APP_JAR CONFIG GUARD_NS | " + TRAIN + " SOCKET");
            System.exit(2);
        }
        Thread.currentThread().setName(PartitionKernel.ENGINE_THREAD); // its kernel's engine, from START on
        PartitionKernel.warmUpKernel(); // before the board's clock counts this partition's time
        String partition = args[1];
        SystemConfig config = ConfigReader.read(Files.readAllBytes(Path.of(args[3])));
        // the partition's own ports in shared memory, mapped before it connects (as its neighbours' processes do)
        PartitionPorts ports = LocalPorts.fromProperty() instanceof PartitionPorts p ? p : null;
        JarApplicationLoader apps = new JarApplicationLoader(Map.of(partition, Files.readAllBytes(Path.of(args[2]))));
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(args[0]));
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        LinkSender up = new LinkSender(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
        try {
            // booted before it says hello: the board starts its time once every partition said it, and this one then
            // waits frozen, its kernel ready
            PartitionKernel kernel = PartitionKernel.boot(config, partition, apps, up, up::console,
                    Long.parseLong(args[4]), ports, up::traced);
            kernel.recordRunningProcess(Path.of(args[0]).getParent());
            up.hello(new LinkMessage.Hello(partition, LinkCodec.PROTOCOL_VERSION));
            if (!(LinkCodec.read(in) instanceof LinkMessage.Start start)) {
                throw new LinkProtocolException("the board's first message was not START");
            }
            kernel.start(start.boardBaseMonotonicNs());
            for (LinkMessage.Start.CoreFrame c : start.cores()) {
                kernel.frameBegun(c.core(), c.plan(), c.frameStartNs());
            }
            Follower follower = new Follower(in, kernel);
            Thread.ofPlatform().daemon().name("orrery-link-reader").start(follower);
            // until the board goes away: it ends a run by killing this JVM, frozen
            kernel.run(follower::ended);
        } catch (EOFException e) {
            // the board is gone: nothing of the partition may outlive it
        } finally {
            // process threads may still run application code: only the JVM's end stops them
            Runtime.getRuntime().halt(0);
        }
    }

    private static void train(String socket) throws Exception {
        PartitionKernel.warmUpKernel();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            new LinkSender(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))))
                    .hello(new LinkMessage.Hello("training", LinkCodec.PROTOCOL_VERSION));
            Channels.newInputStream(channel).read(); // until the board closes it
        }
        System.exit(0); // the JVM writes its AOT cache as it exits
    }

    /** Reads what the board says after START (plan switches and debuggers) until the board is gone. */
    private static final class Follower implements Runnable {
        private final DataInputStream in;
        private final PartitionKernel kernel;
        private volatile boolean ended;

        Follower(DataInputStream in, PartitionKernel kernel) {
            this.in = in;
            this.kernel = kernel;
        }

        boolean ended() {
            return ended;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    LinkMessage m = LinkCodec.read(in);
                    if (m instanceof LinkMessage.FrameBegun f) {
                        kernel.frameBegun(f.core(), f.plan(), f.frameStartNs());
                    } else if (m instanceof LinkMessage.Debugger d) {
                        kernel.debugger(d.attached());
                    } else {
                        throw new LinkProtocolException("the board sent " + m.getClass().getSimpleName()
                                + " after START");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the board is gone or out of step: the partition ends with it
            }
            ended = true;
        }
    }
}

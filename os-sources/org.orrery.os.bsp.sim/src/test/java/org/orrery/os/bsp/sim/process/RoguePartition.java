// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

import org.orrery.os.api.Message;
import org.orrery.os.api.Semaphore;
import org.orrery.os.partition.wire.ApiTable;
import org.orrery.os.partition.wire.Frame;
import org.orrery.os.partition.wire.Wire;

/**
 * A partition process that breaks the partition wire, started in place of the partition runtime with the same
 * arguments ({@code SOCKET PARTITION APP_JAR}) and {@code -Dorrery.rogue=HOW}: {@code name} introduces itself as
 * another partition, {@code api} with another API's signature, {@code turn} answers the kernel's LOAD with a frame
 * of another thread, {@code call} calls a method the partition API does not have, {@code object} calls a service the
 * kernel never gave it, {@code service} passes a service the kernel never gave it as an argument, and
 * {@code servicetype} passes the partition's own service (#0) as a semaphore. Then it waits to be killed.
 */
public final class RoguePartition {

    private RoguePartition() {
    }

    public static void main(String[] args) throws Exception {
        String how = System.getProperty("orrery.rogue");
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(args[0]));
        Wire wire = new Wire(Channels.newInputStream(channel), Channels.newOutputStream(channel), new Wire.Side() {
            @Override
            public int handleId(Object service) {
                return how.equals("service") ? 42 : 0;
            }

            @Override
            public Object handle(int id, int iface) throws IOException {
                throw new IOException("a rogue holds no services");
            }

            @Override
            public int bodyId(Runnable body) {
                return 0;
            }

            @Override
            public Runnable body(int id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Message message(int capacity) {
                throw new UnsupportedOperationException();
            }
        });
        wire.hello(how.equals("name") ? "someone-else" : args[1],
                how.equals("api") ? ApiTable.signature() + 1 : ApiTable.signature());
        Frame load = wire.read();
        switch (how) {
            case "turn" -> wire.end(load.tid() + 1, Frame.ENDED, null);
            case "call" -> wire.call(load.tid(), 0, 999, new Object[0]);
            case "object" -> wire.call(load.tid(), 7, 0, new Object[0]);
            case "service", "servicetype" -> wire.call(load.tid(), 0, 0, new Object[] {semaphore()});
            default -> {
            }
        }
        Thread.sleep(60_000);
    }

    /** A semaphore of the rogue's own making: the wire sends it as a service id ({@code handleId} above). */
    private static Semaphore semaphore() {
        return (Semaphore) Proxy.newProxyInstance(RoguePartition.class.getClassLoader(),
                new Class<?>[] {Semaphore.class}, (proxy, method, args) -> null);
    }
}

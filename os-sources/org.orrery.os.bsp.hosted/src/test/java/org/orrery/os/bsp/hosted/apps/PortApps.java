// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.apps;

import java.nio.ByteBuffer;

import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;

/** Port applications the hosted board's tests run in partition processes. */
public final class PortApps {
    /** Messages {@link SamplingWriter} writes, one per activation, before it falls silent. */
    public static final int WRITES = 15;

    private PortApps() {
    }

    /** Writes its activation number (a long) to sampling port "out" for {@link #WRITES} activations, then stops. */
    public static final class SamplingWriter implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            SamplingPort out = p.createSamplingPort(new SamplingPortRef("out", 0));
            byte[] data = new byte[8];
            p.createProcess(new ProcessRef("main", 0), () -> {
                for (long n = 1; ; n++) {
                    if (n <= WRITES) {
                        ByteBuffer.wrap(data).putLong(n);
                        out.write(data, 8);
                        if (n == WRITES) {
                            p.log("wrote " + n);
                        }
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Tries once to write its destination port "in" (it must be refused), then reads it every activation and logs
     * {@code read VALUE valid BOOL stamp TIMESTAMP now BOARD_TIME} or {@code nothing}.
     */
    public static final class SamplingReader implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            SamplingPort in = p.createSamplingPort(new SamplingPortRef("in", 0));
            Message m = new Message(8);
            p.createProcess(new ProcessRef("main", 0), () -> {
                try {
                    in.write(new byte[8], 8);
                    p.log("destination write accepted");
                } catch (IllegalRequestException e) {
                    p.log("destination write refused: " + e.getMessage());
                }
                while (true) {
                    if (in.read(m)) {
                        p.log("read " + ByteBuffer.wrap(m.data()).getLong() + " valid " + m.valid() + " stamp "
                                + m.timestampNs() + " now " + p.now());
                    } else {
                        p.log("nothing");
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /** Messages {@link QueueSender} sends. */
    public static final int QUEUED = 100;

    /**
     * Sends 1..{@link #QUEUED} (a long each) to queuing port "qout" in bursts of 10 per activation, each waiting without
     * a timeout for room, then logs {@code sent N}.
     */
    public static final class QueueSender implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort out = p.createQueuingPort(new QueuingPortRef("qout", 0));
            byte[] data = new byte[8];
            p.createProcess(new ProcessRef("main", 0), () -> {
                long n = 0;
                while (true) {
                    for (int i = 0; i < 10 && n < QUEUED; i++) {
                        ByteBuffer.wrap(data).putLong(++n);
                        if (!out.send(data, 8, Partition.INFINITE)) {
                            p.log("send failed " + n);
                        }
                        if (n == QUEUED) {
                            p.log("sent " + n);
                        }
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Tries a receive with a timeout during initialisation and once to send through its destination port "qin" (both
     * must be refused), then receives with a 30 ms timeout
     * until one times out, each activation; logs {@code received N in order} after the last or what was out of order.
     */
    public static final class QueueReceiver implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort in = p.createQueuingPort(new QueuingPortRef("qin", 0));
            Message m = new Message(8);
            try {
                in.receive(m, 1_000_000L);
                p.log("blocking receive during initialisation accepted");
            } catch (IllegalRequestException e) {
                p.log("blocking receive during initialisation refused: " + e.getMessage());
            }
            p.createProcess(new ProcessRef("main", 0), () -> {
                try {
                    in.send(new byte[8], 8, 0);
                    p.log("destination send accepted");
                } catch (IllegalRequestException e) {
                    p.log("destination send refused: " + e.getMessage());
                }
                long expected = 1;
                while (true) {
                    while (in.receive(m, 30_000_000L)) {
                        long n = ByteBuffer.wrap(m.data()).getLong();
                        if (n != expected || m.length() != 8) {
                            p.log("out of order: got " + n + " expected " + expected);
                        }
                        expected = n + 1;
                        if (n == QUEUED) {
                            p.log("received " + n + " in order");
                        }
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /** Messages {@link OverflowSender} sends on each of its ports. */
    public static final int FLOOD = 30;

    /**
     * Sends 1..{@link #FLOOD} on "newest" (DROP_NEWEST) and "oldest" (DROP_OLDEST), 10 per activation, without
     * waiting, and logs how many sends each refused: {@code refused newest A oldest B}.
     */
    public static final class OverflowSender implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort newest = p.createQueuingPort(new QueuingPortRef("newest", 0));
            QueuingPort oldest = p.createQueuingPort(new QueuingPortRef("oldest", 1));
            byte[] data = new byte[8];
            p.createProcess(new ProcessRef("main", 0), () -> {
                long n = 0;
                int refusedNewest = 0;
                int refusedOldest = 0;
                while (true) {
                    for (int i = 0; i < 10 && n < FLOOD; i++) {
                        ByteBuffer.wrap(data).putLong(++n);
                        refusedNewest += newest.send(data, 8, 0) ? 0 : 1;
                        refusedOldest += oldest.send(data, 8, 0) ? 0 : 1;
                        if (n == FLOOD) {
                            p.log("refused newest " + refusedNewest + " oldest " + refusedOldest);
                        }
                    }
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    /**
     * Waits 500 ms of board time (the sender is done by then), then for each of its ports "newest" and "oldest" logs
     * {@code PORT pending P overflowed O values V... overflowed-again O2}.
     */
    public static final class OverflowReceiver implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort[] ports = {p.createQueuingPort(new QueuingPortRef("newest", 0)),
                    p.createQueuingPort(new QueuingPortRef("oldest", 1))};
            Message m = new Message(8);
            p.createProcess(new ProcessRef("main", 0), () -> {
                while (p.now() < 500_000_000L) {
                    p.periodicWait();
                }
                for (QueuingPort q : ports) {
                    StringBuilder line = new StringBuilder(q.ref().name()).append(" pending ").append(q.pending())
                            .append(" overflowed ").append(q.overflowed()).append(" values");
                    while (q.receive(m, 0)) {
                        line.append(' ').append(ByteBuffer.wrap(m.data()).getLong());
                    }
                    p.log(line.append(" overflowed-again ").append(q.overflowed()).toString());
                }
                while (true) {
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.apps;

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

/**
 * The kernel tests' port cases (kernel.tests PortServiceTest, PortOverflowTest, ChannelRunTimeTest,
 * RestartAndPlanSwitchTest) as applications that run on either board: what they saw goes to the console, timed
 * with margins of tens of milliseconds so that real time's jitter never changes a line.
 */
public final class PortCaseApps {
    static final long MS = 1_000_000L;
    /** The major frame of every case: windows of 50 ms or more. */
    public static final long FRAME = 100 * MS;
    /**
     * Board time every case waits for before it starts: a partition JVM starts cold and runs its initialisation only in
     * its own windows, which took several hundred milliseconds of board time on the shared 2-core build machine and
     * up to 2.7 s under three CPU hogs (the sim board reaches it in virtual time, at no cost).
     */
    public static final long SETTLE = 3000 * MS;
    static final ProcessRef MAIN = new ProcessRef("main", 0);

    private PortCaseApps() {
    }

    static String attempt(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (IllegalRequestException e) {
            return "refused";
        }
    }

    static String read(SamplingPort port) {
        Message m = new Message(8);
        if (!port.read(m)) {
            return "read nothing";
        }
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < m.length(); i++) {
            v.append(m.data()[i]);
        }
        return "read " + v + " valid " + m.valid();
    }

    static String received(QueuingPort q, long timeoutNs) {
        Message m = new Message(8);
        return q.receive(m, timeoutNs) ? "got " + m.data()[0] : "got nothing";
    }

    /** Waits (never spinning) until board time {@code t}. */
    static void until(Partition p, long t) {
        // one reading of the clock per step: in real time a second one may already be past t
        for (long left = t - p.now(); left > 0; left = t - p.now()) {
            p.timedWait(Math.min(10 * MS, left));
        }
    }

    // ---- a receiver's restart empties its ports, a sender's leaves what it sent (ChannelRunTimeTest)

    /**
     * "w": sends 1 and 2 to "qOut" (depth 2, BLOCK), writes 9 to "sOut", restarts warm; its second start sends 3,
     * waiting without a timeout for room.
     */
    public static final class RestartingSource implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            SamplingPort s = p.createSamplingPort(new SamplingPortRef("sOut", 0));
            QueuingPort q = p.createQueuingPort(new QueuingPortRef("qOut", 1));
            if (p.mode() == PartitionMode.WARM_START) {
                p.log("start 2");
                p.createProcess(MAIN, () -> p.log("send 3 " + q.send(new byte[] {3}, 1, Partition.INFINITE))).start();
                return;
            }
            p.createProcess(MAIN, () -> {
                q.send(new byte[] {1}, 1, 0);
                q.send(new byte[] {2}, 1, 0);
                s.write(new byte[] {9}, 1);
                p.timedWait(MS);
                p.setMode(PartitionMode.WARM_START);
            }).start();
        }
    }

    /**
     * "r": says what its ports hold at its first start (after {@link #SETTLE}, then restarts cold); the second start
     * reads its sample and receives one message.
     */
    public static final class RestartingDestination implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            SamplingPort s = p.createSamplingPort(new SamplingPortRef("sIn", 0));
            QueuingPort q = p.createQueuingPort(new QueuingPortRef("qIn", 1));
            if (p.now() >= SETTLE) {
                // On the hosted board the new partition JVM starts in real time: w may have sent 3 meanwhile, so the
                // queue is judged by what comes out of it, not by its length at this instant.
                p.log("start 2: " + read(s));
                p.createProcess(MAIN, () -> {
                    p.log(received(q, Partition.INFINITE));
                    p.log("then pending " + q.pending());
                }).start();
                return;
            }
            p.createProcess(MAIN, () -> {
                until(p, SETTLE);
                p.log("start 1: pending " + q.pending() + ", " + read(s));
                p.setMode(PartitionMode.COLD_START);
            }).start();
        }
    }

    // ---- the overflow indication is refused on a source and cleared by a restart (PortOverflowTest)

    /** "a" loops "out" to "in" (DROP_OLDEST, depth 2): overfills, restarts warm, looks again. */
    public static final class IndicationAcrossRestart implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort out = p.createQueuingPort(new QueuingPortRef("out", 0));
            QueuingPort in = p.createQueuingPort(new QueuingPortRef("in", 1));
            if (p.mode() == PartitionMode.WARM_START) {
                p.log("after the restart: overflowed " + in.overflowed() + ", pending " + in.pending());
                return;
            }
            p.log("on the source " + attempt(out::overflowed));
            p.createProcess(MAIN, () -> {
                for (byte b = 1; b <= 3; b++) {
                    out.send(new byte[] {b}, 1, 0);
                }
                p.log("before the restart: pending " + in.pending());
                p.timedWait(MS);
                p.setMode(PartitionMode.WARM_START);
            }).start();
        }
    }

    // ---- port handles of an earlier start are refused until created again (RestartAndPlanSwitchTest)

    /** The handles of the first start, kept across the warm restart (a warm start keeps the application's classes). */
    private static final Object[] FIRST = new Object[4];

    /**
     * "a" loops sOut (0) to sIn (1) and qOut (2) to qIn (3): writes and sends, restarts warm, then uses the old
     * handles before creating the destinations again.
     */
    public static final class HandlesAcrossRestart implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            if (p.mode() != PartitionMode.WARM_START) {
                SamplingPort sOut = p.createSamplingPort(new SamplingPortRef("sOut", 0));
                FIRST[0] = sOut;
                FIRST[1] = p.createSamplingPort(new SamplingPortRef("sIn", 1));
                QueuingPort qOut = p.createQueuingPort(new QueuingPortRef("qOut", 2));
                FIRST[2] = qOut;
                FIRST[3] = p.createQueuingPort(new QueuingPortRef("qIn", 3));
                sOut.write(new byte[] {3}, 1);
                qOut.send(new byte[] {4}, 1, 0);
                p.createProcess(MAIN, () -> {
                    p.timedWait(MS);
                    p.setMode(PartitionMode.WARM_START);
                }).start();
                return;
            }
            SamplingPort sOut = (SamplingPort) FIRST[0];
            SamplingPort sIn = (SamplingPort) FIRST[1];
            QueuingPort qOut = (QueuingPort) FIRST[2];
            QueuingPort qIn = (QueuingPort) FIRST[3];
            Message m = new Message(8);
            p.log("sampling " + attempt(() -> sOut.write(new byte[] {5}, 1)) + " " + attempt(() -> sIn.read(m)));
            p.log("queuing " + attempt(() -> qOut.send(new byte[] {6}, 1, 0)) + " " + attempt(() -> qIn.receive(m, 0))
                    + " " + attempt(qIn::overflowed) + " " + attempt(qIn::pending));
            SamplingPort sInAgain = p.createSamplingPort(new SamplingPortRef("sIn", 1));
            QueuingPort qInAgain = p.createQueuingPort(new QueuingPortRef("qIn", 3));
            p.log("same handles " + (sInAgain == sIn) + " " + (qInAgain == qIn) + ", " + read(sInAgain) + ", queued "
                    + qInAgain.pending());
        }
    }

    // ---- validity by each destination's refresh period (ChannelRunTimeTest)

    /** "w" writes 1 once, {@link #FRAME} after {@link #SETTLE}. */
    public static final class LateWriter implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            SamplingPort s = p.createSamplingPort(new SamplingPortRef("sOut", 0));
            p.createProcess(MAIN, () -> {
                until(p, SETTLE + FRAME);
                s.write(new byte[] {1}, 1);
            }).start();
        }
    }

    /** Reads "sIn" at each of {@code times} after {@link #SETTLE}. */
    abstract static class TimedReader implements PartitionApplication {
        private final long[] times;

        TimedReader(long... times) {
            this.times = times;
        }

        @Override
        public void initialize(Partition p) {
            SamplingPort s = p.createSamplingPort(new SamplingPortRef("sIn", 0));
            p.createProcess(MAIN, () -> {
                for (long t : times) {
                    until(p, SETTLE + t);
                    p.log(read(s));
                }
            }).start();
        }
    }

    /** Refresh 100 ms, windows [50, 100) of each frame: reads at 50, 150 and 250 ms. */
    public static final class ShortRefreshReader extends TimedReader {
        public ShortRefreshReader() {
            super(FRAME / 2, FRAME + FRAME / 2, 2 * FRAME + FRAME / 2);
        }
    }

    /** No refresh period, the whole frame on the other core: reads at 0, 170 and 420 ms. */
    public static final class NoRefreshReader extends TimedReader {
        public NoRefreshReader() {
            super(0, 170 * MS, 420 * MS);
        }
    }

    // ---- every refusal of the port services (PortServiceTest)

    /** "a" loops sOut (0) to sIn (1) and qOut (2) to qIn (3, depth 2, BLOCK) and tries every refused call. */
    public static final class Refusals implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            SamplingPort sOut = p.createSamplingPort(new SamplingPortRef("sOut", 0));
            SamplingPort sIn = p.createSamplingPort(new SamplingPortRef("sIn", 1));
            QueuingPort qOut = p.createQueuingPort(new QueuingPortRef("qOut", 2));
            QueuingPort qIn = p.createQueuingPort(new QueuingPortRef("qIn", 3));
            sOut.write(new byte[] {5, 6}, 2);
            p.log("block in init " + attempt(() -> qOut.send(new byte[] {1}, 1, MS)) + " pending " + qIn.pending());
            p.log("wait in init " + attempt(() -> qIn.receive(new Message(4), MS)));
            p.log("poll in init " + qOut.send(new byte[] {9}, 1, 0) + " pending " + qIn.pending() + " at the source "
                    + qOut.pending());
            p.createProcess(MAIN, () -> {
                p.timedWait(MS);
                Message m = new Message(4);
                p.log("sampling: write on destination " + attempt(() -> sIn.write(new byte[] {1}, 1))
                        + ", read on source " + attempt(() -> sOut.read(m)) + ", null data "
                        + attempt(() -> sOut.write(null, 1)) + ", length 0 " + attempt(() -> sOut.write(new byte[4], 0))
                        + ", over max " + attempt(() -> sOut.write(new byte[9], 9)) + ", over array "
                        + attempt(() -> sOut.write(new byte[1], 2)) + ", null into " + attempt(() -> sIn.read(null))
                        + ", small into " + attempt(() -> sIn.read(new Message(3))));
                p.log("queuing: send on destination " + attempt(() -> qIn.send(new byte[] {1}, 1, 0))
                        + ", receive on source " + attempt(() -> qOut.receive(m, 0)) + ", negative send timeout "
                        + attempt(() -> qOut.send(new byte[] {1}, 1, -1)) + ", negative receive timeout "
                        + attempt(() -> qIn.receive(m, -1)) + ", null data " + attempt(() -> qOut.send(null, 1, 0))
                        + ", length 0 " + attempt(() -> qOut.send(new byte[4], 0, 0)) + ", over max "
                        + attempt(() -> qOut.send(new byte[9], 9, 0)) + ", null into " + attempt(() -> qIn.receive(null, 0))
                        + ", small into " + attempt(() -> qIn.receive(new Message(3), 0)));
                p.log("left in place: " + read(sIn) + ", pending " + qIn.pending() + ", " + received(qIn, 0));
            }).start();
        }
    }

    // ---- blocking with timeouts across two partitions on two cores

    /** "s" (times after {@link #SETTLE}): sends 1 at 100 ms, then 2 and 3 (depth 2) at 120 ms, 4 with a 30 ms timeout, 5 without one. */
    public static final class BlockingSender implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort q = p.createQueuingPort(new QueuingPortRef("out", 0));
            p.createProcess(MAIN, () -> {
                until(p, SETTLE + FRAME);
                q.send(new byte[] {1}, 1, 0);
                until(p, SETTLE + FRAME + 20 * MS);
                q.send(new byte[] {2}, 1, 0);
                q.send(new byte[] {3}, 1, 0);
                long t0 = p.now();
                boolean sent = q.send(new byte[] {4}, 1, 30 * MS);
                p.log("send 4 " + sent + (p.now() - t0 >= 30 * MS ? " after its timeout" : " too early"));
                p.log("send 5 " + q.send(new byte[] {5}, 1, Partition.INFINITE));
            }).start();
        }
    }

    /** "r" (times after {@link #SETTLE}): a 20 ms receive that times out, one without a timeout, from 200 ms three with 50 ms. */
    public static final class BlockingReceiver implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort q = p.createQueuingPort(new QueuingPortRef("in", 0));
            p.createProcess(MAIN, () -> {
                until(p, SETTLE);
                long t0 = p.now();
                String r = received(q, 20 * MS);
                p.log("receive: " + r + (p.now() - t0 >= 20 * MS ? " after its timeout" : " too early"));
                p.log(received(q, Partition.INFINITE));
                until(p, SETTLE + 2 * FRAME);
                for (int i = 0; i < 3; i++) {
                    p.log(received(q, 50 * MS));
                }
            }).start();
        }
    }

    // ---- blocked receivers are served in the order they blocked (FIFO), whatever their priority

    /** "s" (times after {@link #SETTLE}): sends 1 at 100 ms, 2 at 110 ms. */
    public static final class PairSender implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort q = p.createQueuingPort(new QueuingPortRef("out", 0));
            p.createProcess(MAIN, () -> {
                until(p, SETTLE + FRAME);
                q.send(new byte[] {1}, 1, 0);
                until(p, SETTLE + FRAME + 10 * MS);
                q.send(new byte[] {2}, 1, 0);
            }).start();
        }
    }

    /** "r": "low" (priority 5) blocks on "in" first, "high" (priority 10) 10 ms later; each logs what it got. */
    public static final class QueuedReceivers implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            QueuingPort q = p.createQueuingPort(new QueuingPortRef("in", 0));
            p.createProcess(new ProcessRef("low", 0), () -> {
                until(p, SETTLE);
                p.log("low " + received(q, Partition.INFINITE));
            }).start();
            p.createProcess(new ProcessRef("high", 1), () -> {
                until(p, SETTLE + 10 * MS);
                p.log("high " + received(q, Partition.INFINITE));
            }).start();
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/**
 * The neighbour benchmark's noisy partition: one periodic process that, from its release (its window's opening) to
 * {@link #BUSY_NS} later, allocates and touches memory as fast as it can, keeping the last {@link #KEPT} blocks alive
 * so its JVM's collector has work too. It asks the kernel the time every {@link #CHECK} blocks (the host's clock is
 * not partition code's); once a second it logs how much it allocated.
 */
public final class NoisyNeighbour implements PartitionApplication {
    /** 4.5 ms of the neighbour's 5 ms window: busy to its end, without overrunning it. */
    static final long BUSY_NS = 4_500_000L;
    private static final int BLOCK = 32 * 1024;
    private static final int KEPT = 512;
    private static final int CHECK = 16;
    private static final int JOBS_PER_LOG = 100;

    private final byte[][] kept = new byte[KEPT][];
    private long blocks;
    private long jobs;

    @Override
    public void initialize(Partition p) {
        p.createProcess(new ProcessRef("main", 0), () -> {
            while (true) {
                long until = p.now() + BUSY_NS;
                do {
                    for (int i = 0; i < CHECK; i++) {
                        byte[] b = new byte[BLOCK];
                        for (int at = 0; at < BLOCK; at += 4096) {
                            b[at] = (byte) blocks;
                        }
                        kept[(int) (blocks++ % KEPT)] = b;
                    }
                } while (p.now() < until);
                if (++jobs % JOBS_PER_LOG == 0) {
                    p.log("allocated " + blocks * BLOCK / (1 << 20) + " MiB in " + jobs + " jobs");
                }
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    }
}

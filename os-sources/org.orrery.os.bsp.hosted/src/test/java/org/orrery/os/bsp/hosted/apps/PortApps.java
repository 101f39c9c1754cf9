// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.apps;

import java.nio.ByteBuffer;

import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
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
}

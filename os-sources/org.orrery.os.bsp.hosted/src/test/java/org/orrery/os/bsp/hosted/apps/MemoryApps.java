// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.apps;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** A partition application that touches more memory than its cgroup allows, all of it off the heap. */
public final class MemoryApps {
    private static final int CHUNK = 4 << 20;

    private MemoryApps() {
    }

    /**
     * On its second activation fills 56 MiB of direct buffers (within the JVM's own limit for a 64 MiB budget), then
     * recurses deep into its large stack: together more than the cgroup's 64 + 96 MiB. Logs {@code survived} if the
     * process is still alive afterwards. The JVM itself never refuses any of it, so only the cgroup can stop it.
     */
    public static final class OffHeapHog implements PartitionApplication {
        private final List<ByteBuffer> kept = new ArrayList<>();

        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                p.log("allocating");
                p.periodicWait();
                for (int i = 0; i < 14; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(CHUNK);
                    for (int k = 0; k < CHUNK; k += 4096) {
                        b.put(k, (byte) 1); // touched, whatever the allocator did
                    }
                    kept.add(b);
                    p.now(); // a kernel call per chunk: reclaim near the limit is slow, own code overruns after 1 s
                }
                p.log("direct buffers " + kept.size() * 4 + " MiB; recursing");
                p.log("survived " + deep(4_000_000, 1));
                while (true) {
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }

        /** About 100 bytes of stack per level (locals kept alive across the call). */
        private static long deep(int n, long a) {
            long b = a * 3;
            long c = b ^ n;
            long d = c + a;
            long e = d * 7;
            if (n == 0) {
                return e;
            }
            return deep(n - 1, e) + a + b + c + d + e;
        }
    }
}

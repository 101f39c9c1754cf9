// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/** Two cores, a producer and a consumer on a sampling channel: the smallest system that does real work. */
final class PingPong {

    private static final long MS = 1_000_000L;

    private PingPong() {
    }

    static SystemConfig config() {
        BoardConfig board = new BoardConfig("sim", 2, 1 << 24, MS, true, List.of(), 0, 0, List.of());
        PartitionConfig producer = new PartitionConfig("producer", 0, List.of(0), 1 << 20, Criticality.B,
                SchedulingPolicy.FIXED_PRIORITY, 0, "pp.Producer", "apps/producer", 0,
                List.of(new ProcessConfig("send", ProcessKind.PERIODIC, 10 * MS, 10 * MS, 10, MS, 16384)),
                List.of(new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 8, 0, 0)));
        PartitionConfig consumer = new PartitionConfig("consumer", 1, List.of(1), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "pp.Consumer", "apps/consumer", 0,
                List.of(new ProcessConfig("recv", ProcessKind.PERIODIC, 20 * MS, 0, 5, MS, 16384)),
                List.of(new PortConfig("in", PortKind.SAMPLING, PortDirection.DESTINATION, 8, 50 * MS, 0)));
        ChannelConfig channel = new ChannelConfig("values", PortKind.SAMPLING, new PortEndpoint("producer", "out"),
                List.of(new PortEndpoint("consumer", "in")), OverflowPolicy.DROP_OLDEST);
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, 10 * MS), new CoreFrame(1, 20 * MS)),
                List.of(new WindowConfig(0, 0, 5 * MS, "producer"), new WindowConfig(1, 0, 10 * MS, "consumer")));
        return new SystemConfig("pingpong", board, List.of(), List.of(producer, consumer), List.of(channel),
                List.of(plan), "main", List.of(), List.of(), List.of(), List.of());
    }

    static void writeSources(Path root) throws IOException {
        TestSystems.write(root.resolve("apps/producer/pp/Producer.java"), """
                package pp;

                import java.nio.ByteBuffer;
                import org.orrery.os.api.*;

                public class Producer implements PartitionApplication {
                    public void initialize(Partition p) {
                        SamplingPort out = p.createSamplingPort(new SamplingPortRef("out", 0));
                        p.createProcess(new ProcessRef("send", 0), () -> {
                            byte[] b = new byte[8];
                            for (long n = 1; ; n++) {
                                ByteBuffer.wrap(b).putLong(n);
                                out.write(b, 8);
                                p.compute(500_000);
                                p.periodicWait();
                            }
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
        TestSystems.write(root.resolve("apps/consumer/pp/Consumer.java"), """
                package pp;

                import java.nio.ByteBuffer;
                import org.orrery.os.api.*;

                public class Consumer implements PartitionApplication {
                    public void initialize(Partition p) {
                        SamplingPort in = p.createSamplingPort(new SamplingPortRef("in", 0));
                        Message m = new Message(8);
                        p.createProcess(new ProcessRef("recv", 0), () -> {
                            while (true) {
                                if (in.read(m) && m.valid()) {
                                    p.log("got " + ByteBuffer.wrap(m.data()).getLong());
                                    p.traceEvent(7, ByteBuffer.wrap(m.data()).getLong());
                                }
                                p.compute(200_000);
                                p.periodicWait();
                            }
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A two-partition system for the debug tests, on one core: {@code counter} counts its 20 ms periods and records a
 * milestone every {@link #EVERY}; {@code beacon} logs a line every 100 ms. A thread held at the counter's breakpoint
 * must not stop the beacon's windows.
 */
final class DebugSystem {

    static final String COUNTER = "counter";
    static final String BEACON = "beacon";
    static final String COUNTER_CLASS = "demo.counter.Counter";
    static final int EVERY = 10;
    private static final String MARK = "// breakpoint";

    private static final String SYSTEM = """
            // SPDX-License-Identifier: EPL-2.0
            system debug_demo

            board sim {
                cores 1
                memory 256 MiB
                tick 1 ms
            }

            partition counter {
                cores 0
                memory 32 MiB
                application "demo.counter.Counter" source "apps/counter"
                process step periodic period 20 ms deadline 20 ms priority 10 wcet 2 ms
                health-monitor {
                    state PROCESS_EXECUTION {
                        DEADLINE_MISSED at process -> LOG
                    }
                }
            }

            partition beacon {
                cores 0
                memory 32 MiB
                application "demo.beacon.Beacon" source "apps/beacon"
                process blink periodic period 20 ms priority 10 wcet 1 ms
            }

            plan normal initial {
                core 0 major-frame 20 ms {
                    window counter at 0 ms duration 8 ms
                    window beacon at 10 ms duration 8 ms
                }
            }
            """;

    private static final String COUNTER_SOURCE = """
            // SPDX-License-Identifier: EPL-2.0
            package demo.counter;

            import org.orrery.os.api.Partition;
            import org.orrery.os.api.PartitionApplication;
            import org.orrery.os.api.PartitionMode;

            public final class Counter implements PartitionApplication {
                private Partition partition;
                private long ticks;
                private long milestone;

                @Override
                public void initialize(Partition p) {
                    partition = p;
                    p.createProcess(CounterConfig.Processes.STEP, this::tick).start();
                    p.setMode(PartitionMode.NORMAL);
                }

                private void tick() {
                    while (true) {
                        ticks++;
                        if (ticks % EVERY_TICKS == 0) {
                            milestone = ticks; MARK
                        }
                        partition.periodicWait();
                    }
                }
            }
            """.replace("EVERY_TICKS", Integer.toString(EVERY)).replace("MARK", MARK);

    private static final String BEACON_SOURCE = """
            // SPDX-License-Identifier: EPL-2.0
            package demo.beacon;

            import org.orrery.os.api.Partition;
            import org.orrery.os.api.PartitionApplication;
            import org.orrery.os.api.PartitionMode;

            public final class Beacon implements PartitionApplication {
                private Partition partition;
                private long blinks;

                @Override
                public void initialize(Partition p) {
                    partition = p;
                    p.createProcess(BeaconConfig.Processes.BLINK, this::blink).start();
                    p.setMode(PartitionMode.NORMAL);
                }

                private void blink() {
                    while (true) {
                        if (++blinks % 5 == 0) {
                            partition.log("beacon " + blinks);
                        }
                        partition.periodicWait();
                    }
                }
            }
            """;

    private DebugSystem() {
    }

    /** Writes the system and its applications' sources under {@code dir}; returns {@code dir}. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("apps/counter/demo/counter"));
        Files.createDirectories(dir.resolve("apps/beacon/demo/beacon"));
        Files.writeString(dir.resolve("system.orrery"), SYSTEM);
        Files.writeString(dir.resolve("apps/counter/demo/counter/Counter.java"), COUNTER_SOURCE);
        Files.writeString(dir.resolve("apps/beacon/demo/beacon/Beacon.java"), BEACON_SOURCE);
        return dir;
    }

    /** The line of Counter.java where milestone is set (1-based), found by its mark. */
    static int breakLine() {
        List<String> lines = COUNTER_SOURCE.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(MARK)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no breakpoint mark in the counter's source");
    }
}

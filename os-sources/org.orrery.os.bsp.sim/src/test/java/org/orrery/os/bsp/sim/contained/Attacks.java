// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.contained;

import java.util.ArrayList;
import java.util.List;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/**
 * Partition applications that attack the board from inside their process, and the neighbour that must not
 * notice. Run in partition processes by {@code PartitionProcessesTest}; each attack starts in the first
 * activation of the partition's only process.
 */
public final class Attacks {

    private Attacks() {
    }

    /** Base: one periodic process "main" that runs {@link #attack} once, then behaves. */
    public abstract static class Attacker implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                attack(p);
                while (true) {
                    p.compute(1_000_000L);
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }

        abstract void attack(Partition p);
    }

    /** The well-behaved neighbour: one line per activation. */
    public static final class Neighbour implements PartitionApplication {
        @Override
        public void initialize(Partition p) {
            p.createProcess(new ProcessRef("main", 0), () -> {
                while (true) {
                    p.log("tick " + p.now() / 1_000_000L);
                    p.compute(1_000_000L);
                    p.periodicWait();
                }
            }).start();
            p.setMode(PartitionMode.NORMAL);
        }
    }

    public static final class Spin extends Attacker {
        @Override
        void attack(Partition p) {
            long x = 0;
            while (x >= 0) {
                x = (x + 1) & 0xffff;
            }
        }
    }

    public static final class Allocate extends Attacker {
        static final List<byte[]> HOARD = new ArrayList<>();

        @Override
        void attack(Partition p) {
            while (true) {
                HOARD.add(new byte[1 << 20]);
            }
        }
    }

    public static final class Recurse extends Attacker {
        @Override
        void attack(Partition p) {
            attack(p);
        }
    }

    public static final class Exit extends Attacker {
        @Override
        void attack(Partition p) {
            System.exit(3);
        }
    }

    public static final class Halt extends Attacker {
        @Override
        void attack(Partition p) {
            Runtime.getRuntime().halt(4);
        }
    }

    public static final class InterruptAll extends Attacker {
        @Override
        void attack(Partition p) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                t.interrupt();
            }
            p.log("interrupted everyone");
        }
    }

    public static final class Threads extends Attacker {
        @Override
        void attack(Partition p) {
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    long x = 0;
                    while (x >= 0) {
                        x = (x + 1) & 0xffff;
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            p.log("started spinning threads");
        }
    }

    public static final class LoopingToString extends Attacker {
        @Override
        void attack(Partition p) {
            throw new IllegalStateException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String toString() {
                    long x = 0;
                    while (x >= 0) {
                        x = (x + 1) & 0xffff;
                    }
                    return "never";
                }
            };
        }
    }

    public static final class ThrowingToString extends Attacker {
        @Override
        void attack(Partition p) {
            throw new IllegalStateException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String toString() {
                    throw new UnsupportedOperationException("no");
                }
            };
        }
    }

    public static final class EndlessConstructor implements PartitionApplication {
        public EndlessConstructor() {
            long x = 0;
            while (x >= 0) {
                x = (x + 1) & 0xffff;
            }
        }

        @Override
        public void initialize(Partition p) {
        }
    }

    public static final class Properties extends Attacker {
        @Override
        void attack(Partition p) {
            System.setProperty("orrery.covert", "secret");
            System.setOut(null);
            p.log("set a property and System.out");
        }
    }
}

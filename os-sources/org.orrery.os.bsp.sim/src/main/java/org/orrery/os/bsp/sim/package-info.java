// SPDX-License-Identifier: EPL-2.0
/**
 * The simulated board: deterministic, virtual time, each partition in its own process.
 *
 * <h2>Execution model</h2>
 * <ul>
 * <li><b>Virtual time.</b> The kernel's discrete-event loop jumps a {@link org.orrery.os.bsp.sim.VirtualClock}
 * from event to event (window boundaries, releases, timeouts, deadlines, watchdogs, ends of declared
 * computation). Nothing depends on the host clock except the overrun guard below.</li>
 * <li><b>Lockstep processes.</b> Every partition process (and each partition's initialisation code) runs on
 * its own host thread, but only the thread holding "the turn" runs: the kernel hands the turn to the
 * process its scheduler picked and waits until the process gives it back
 * ({@link org.orrery.os.bsp.sim.LockstepExecutor}). The interleaving is therefore decided by the kernel
 * alone, and cores are simulated one after another at each instant, in core order.</li>
 * <li><b>Zero-time code, declared compute.</b> Code between two API calls takes no virtual time. A process
 * declares processor time with {@code Partition.compute(ns)}; that time is consumed only while its
 * partition's window is open and it is the process the scheduler picks, so it is preempted by window ends
 * and by more urgent processes and resumes later where it stopped.</li>
 * <li><b>Isolation.</b> Booted from an image ({@link org.orrery.os.bsp.sim.SimBoardSupport}), each partition
 * runs in its own JVM ({@link org.orrery.os.bsp.sim.process.PartitionProcesses}) started from the image's
 * partition runtime, with its memory budget as heap and an empty environment; its process threads run
 * there and every API call is a round trip to the kernel, still in lockstep. A partition that exits, halts,
 * exhausts its heap or overflows a stack loses only its own process; the kernel reports it and cold-starts
 * the partition (or idles it when it is lost again at the same instant). Inside the partition process,
 * classes come from a {@link org.orrery.os.partition.PartitionClassLoader} that sees only {@code java.*},
 * {@code org.orrery.os.api} and the application. {@link org.orrery.os.bsp.sim.Simulator} can still run
 * in-process applications ({@code ApplicationLoader.of}) for kernel tests and embedding, without this
 * containment.</li>
 * <li><b>Overruns.</b> A process that keeps the turn longer than the wall-clock guard (default 5 s; e.g.
 * stuck in a loop without API calls) is abandoned and the kernel reports WINDOW_OVERRUN to the health
 * monitor; the other partitions keep running. With partition processes the board kills the partition's
 * process, so the loop stops for real. A process that keeps resuming without letting virtual time pass
 * (100,000 resumptions at one instant) is treated the same way, deterministically. Time the board spends
 * starting a partition process is not charged to the guard.</li>
 * <li><b>Determinism.</b> Same configuration, same applications and same inputs give the same console
 * output, summary and byte-identical trace, as long as applications do not read host time, randomness
 * seeded from it, and no process comes near the guard. A run with partition processes prints the same
 * lines and writes the same trace as one with the same applications in the kernel's JVM.</li>
 * </ul>
 */
package org.orrery.os.bsp.sim;

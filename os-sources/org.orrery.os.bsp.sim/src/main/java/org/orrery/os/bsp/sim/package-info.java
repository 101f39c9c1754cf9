// SPDX-License-Identifier: EPL-2.0
/**
 * The simulated board: deterministic, virtual time, one JVM.
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
 * <li><b>Isolation.</b> Each partition's classes come from its own
 * {@link org.orrery.os.bsp.sim.PartitionClassLoader}, which sees only {@code java.*} and
 * {@code org.orrery.os.api}; a cold start uses a fresh loader.</li>
 * <li><b>Overruns.</b> A process that keeps the turn longer than the wall-clock guard (default 5 s; e.g.
 * stuck in a loop without API calls) is abandoned: it is never resumed, its later API calls unwind it, and
 * the kernel reports WINDOW_OVERRUN to the health monitor; the other partitions keep running. A process
 * that keeps resuming without letting virtual time pass (100,000 resumptions at one instant) is treated
 * the same way, deterministically. Host threads cannot be killed: an abandoned thread that never calls
 * the API again keeps a host CPU busy until the JVM exits.</li>
 * <li><b>Determinism.</b> Same configuration, same applications and same inputs give the same console
 * output, summary and byte-identical trace, as long as applications do not read host time, randomness
 * seeded from it, or share static state across partitions (which the class loaders prevent), and no
 * process comes near the guard.</li>
 * </ul>
 */
package org.orrery.os.bsp.sim;

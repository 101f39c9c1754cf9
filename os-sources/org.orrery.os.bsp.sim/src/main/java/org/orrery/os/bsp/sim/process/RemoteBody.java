// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

/**
 * A process body that lives in a partition process: what the kernel holds for the {@code Runnable} an
 * application passed to createProcess. Only the {@link RemoteExecutor} can run it (by asking the partition
 * process to); {@code generation} tells which life of the partition process registered it.
 */
record RemoteBody(PartitionHost host, int generation, int id) implements Runnable {

    @Override
    public void run() {
        throw new IllegalStateException("a partition process body runs only through its board's executor");
    }
}

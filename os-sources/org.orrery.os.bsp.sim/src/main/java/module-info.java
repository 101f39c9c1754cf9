// SPDX-License-Identifier: EPL-2.0
/** The deterministic simulated board: virtual time, lockstep process threads, one process per partition. */
module org.orrery.os.bsp.sim {
    requires transitive org.orrery.os.kernel;
    requires org.orrery.os.partition;
    exports org.orrery.os.bsp.sim;
    exports org.orrery.os.bsp.sim.process;
}

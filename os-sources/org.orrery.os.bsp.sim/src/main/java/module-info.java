// SPDX-License-Identifier: EPL-2.0
/** The deterministic simulated board: virtual time, lockstep process threads, class-loader isolation. */
module org.orrery.os.bsp.sim {
    requires transitive org.orrery.os.kernel;
    exports org.orrery.os.bsp.sim;
}

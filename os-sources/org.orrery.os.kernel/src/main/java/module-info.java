// SPDX-License-Identifier: EPL-2.0
/** Orrery OS kernel: partition and process scheduling, ports, health monitor, watchdogs, trace points. */
module org.orrery.os.kernel {
    requires transitive org.orrery.os.api;
    requires transitive org.orrery.os.config;
    requires transitive org.orrery.os.trace;
    exports org.orrery.os.kernel;
}

// SPDX-License-Identifier: EPL-2.0
/**
 * The hosted real-time board: Orrery OS on Linux in real time, one process per partition in its own cgroup,
 * windows enforced by freezing and thawing the partitions' cgroups. Linux calls go through the FFM API.
 */
module org.orrery.os.bsp.hosted {
    requires transitive org.orrery.os.kernel;
    requires org.orrery.os.bsp.sim;
    requires org.orrery.os.partition;
    exports org.orrery.os.bsp.hosted;
    exports org.orrery.os.bsp.hosted.linux;
    exports org.orrery.os.bsp.hosted.ports;
    exports org.orrery.os.bsp.hosted.shm;
    exports org.orrery.os.bsp.hosted.watchdog;
}

// SPDX-License-Identifier: EPL-2.0
/** What runs inside a partition process: the partition API over the wire to the kernel, and the application. */
module org.orrery.os.partition {
    requires transitive org.orrery.os.api;
    exports org.orrery.os.partition;
    exports org.orrery.os.partition.wire;
}

// SPDX-License-Identifier: EPL-2.0
/** The canonical system configuration: records, limits, shared enums and the binary format. */
module org.orrery.os.config {
    requires transitive org.orrery.os.api;
    exports org.orrery.os.config;
}

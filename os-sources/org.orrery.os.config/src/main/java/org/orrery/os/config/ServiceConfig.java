// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.Map;
import java.util.SortedMap;

/**
 * A network service hosted by a partition, attached to one of its ports. Options are kept sorted by
 * key so that the encoding is deterministic.
 */
public record ServiceConfig(ServiceKind kind, String partition, String port, SortedMap<String, String> options) {
    public ServiceConfig {
        kind = Checks.obj(kind, "service.kind");
        partition = Checks.str(partition, "service.partition");
        port = Checks.str(port, "service.port");
        options = Checks.sortedMap(options, "service.options");
    }

    /** Convenience constructor taking any map (copied and sorted). */
    public ServiceConfig(ServiceKind kind, String partition, String port, Map<String, String> options) {
        this(kind, partition, port, Checks.sortedMap(options, "service.options"));
    }
}

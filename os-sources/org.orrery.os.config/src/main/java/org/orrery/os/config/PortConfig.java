// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * A port of a partition.
 *
 * @param name unique within the partition
 * @param kind sampling or queuing
 * @param direction source (written by the partition) or destination (read by it)
 * @param maxMessageSize bytes, 1..{@link Limits#MAX_MESSAGE_SIZE}
 * @param refreshPeriodNs sampling destination: a message older than this is reported invalid
 *        (0 = always valid once written); must be 0 for queuing ports and sampling sources
 * @param queueDepth queuing ports: messages the port holds, 1..{@link Limits#MAX_QUEUE_DEPTH};
 *        must be 0 for sampling ports
 */
public record PortConfig(
        String name,
        PortKind kind,
        PortDirection direction,
        long maxMessageSize,
        long refreshPeriodNs,
        int queueDepth) {

    public PortConfig {
        name = Checks.str(name, "port.name");
        kind = Checks.obj(kind, "port.kind");
        direction = Checks.obj(direction, "port.direction");
    }
}

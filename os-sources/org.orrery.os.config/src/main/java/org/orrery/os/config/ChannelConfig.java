// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * A channel from one source port to one or more destination ports of the same kind. Each port belongs
 * to at most one channel.
 *
 * @param overflow what happens when a queuing destination is full; sampling channels always overwrite
 *        (use {@link OverflowPolicy#DROP_OLDEST} for them)
 */
public record ChannelConfig(
        String name,
        PortKind kind,
        PortEndpoint source,
        List<PortEndpoint> destinations,
        OverflowPolicy overflow) {

    public ChannelConfig {
        name = Checks.str(name, "channel.name");
        kind = Checks.obj(kind, "channel.kind");
        source = Checks.obj(source, "channel.source");
        destinations = Checks.list(destinations, "channel.destinations");
        overflow = Checks.obj(overflow, "channel.overflow");
    }
}

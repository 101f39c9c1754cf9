// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.util.List;

/**
 * A board of the registry as the Targets view shows it: whether its events are followed, why not, and the latest
 * lines about its slots and boot (oldest first).
 *
 * @param problem why the board's events are not followed (not reachable, not authorised), or null
 */
public record TargetBoard(String name, boolean watched, String problem, List<String> log) {

    public TargetBoard {
        log = List.copyOf(log);
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * A health monitor table for one system state. With {@code partition = ""} it is the module table;
 * otherwise it belongs to that partition and is consulted first for errors of the partition.
 * At most one table per (partition, state); an error code appears at most once per table.
 */
public record HmTable(String partition, SystemState state, List<HmRule> rules) {
    public HmTable {
        partition = Checks.str(partition, "hmTable.partition");
        state = Checks.obj(state, "hmTable.state");
        rules = Checks.list(rules, "hmTable.rules");
    }
}

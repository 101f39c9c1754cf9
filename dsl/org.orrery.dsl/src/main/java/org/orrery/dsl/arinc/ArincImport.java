// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.util.List;
import java.util.Set;

import org.orrery.os.config.SystemConfig;

/**
 * What an ARINC 653 module file says, as Orrery's configuration, plus what the configuration has no field for
 * ({@code system-partition} flags) and what was skipped on the way (warnings naming the input's line).
 */
public record ArincImport(SystemConfig config, Set<String> systemPartitions, List<Finding> warnings) {

    /** A part of the input that Orrery skipped or replaced, and why. */
    public record Finding(int line, int column, String message) {
    }
}

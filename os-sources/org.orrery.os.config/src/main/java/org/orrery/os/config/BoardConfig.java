// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * The board a system runs on.
 *
 * @param name board name (e.g. {@code sim})
 * @param cores number of cores, 1..{@link Limits#MAX_CORES}
 * @param memorySize RAM in bytes; partition memory budgets must fit in it
 * @param timerTickNs resolution of the board timer (window boundaries and timeouts are multiples of it)
 * @param console whether the board has a console device
 * @param nics network interfaces
 * @param hwWatchdogTimeoutNs hardware watchdog timeout, 0 = no hardware watchdog
 * @param nvramSize bytes of NVRAM for parameters, 0 = none
 * @param nvramParams parameters kept in NVRAM with their factory values (they must fit in {@code nvramSize})
 * @param flashSlots image slots (A/B) on flash
 */
public record BoardConfig(
        String name,
        int cores,
        long memorySize,
        long timerTickNs,
        boolean console,
        List<NicConfig> nics,
        long hwWatchdogTimeoutNs,
        long nvramSize,
        List<NvramParam> nvramParams,
        List<FlashSlot> flashSlots) {

    public BoardConfig {
        name = Checks.str(name, "board.name");
        nics = Checks.list(nics, "board.nics");
        nvramParams = Checks.list(nvramParams, "board.nvramParams");
        flashSlots = Checks.list(flashSlots, "board.flashSlots");
    }

    /** A board without NVRAM parameters (most boards, and code written before format version 2). */
    public BoardConfig(String name, int cores, long memorySize, long timerTickNs, boolean console, List<NicConfig> nics,
            long hwWatchdogTimeoutNs, long nvramSize, List<FlashSlot> flashSlots) {
        this(name, cores, memorySize, timerTickNs, console, nics, hwWatchdogTimeoutNs, nvramSize, List.of(), flashSlots);
    }
}

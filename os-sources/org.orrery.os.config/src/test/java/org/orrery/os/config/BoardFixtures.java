// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.orrery.os.config.Fixture.LONG;
import static org.orrery.os.config.Fixture.MAX;
import static org.orrery.os.config.Fixture.TOO_LONG;
import static org.orrery.os.config.Fixture.full;
import static org.orrery.os.config.Fixture.minimal;
import static org.orrery.os.config.Fixture.row;

import java.util.ArrayList;
import java.util.List;

/** Fixture rows for the system name, the board, its NICs, flash slots and NVRAM parameters. */
final class BoardFixtures {
    private BoardFixtures() {
    }

    static List<Fixture> rows() {
        return List.of(
            // The three ways a name is wrong (Problems.name), shown once on the system name.
            row(() -> full().set("name", ""), "name", "must not be empty"),
            row(() -> full().set("name", "n".repeat(65)), "name", "longer than 64 characters"),
            row(() -> full().set("name", "flight one"), "name", "must not contain spaces or control characters"),
            row(() -> full().set("board.name", ""), "board.name", "must not be empty"),
            row(() -> full().set("board.cores", 257), "board.cores", "must be in 1..256 (is 257)"),
            // Every partition needs memory: only a board without partitions shows the memory size alone.
            row(() -> minimal().set("partitions", List.of()).set("plans[0].windows", List.of())
                    .set("board.memorySize", 0), "board.memorySize", "must be in 1.." + MAX + " (is 0)"),
            // A zero tick is treated as 1 ns by the multiple-of-tick rules, so nothing else trips.
            row(() -> full().set("board.timerTickNs", 0), "board.timerTickNs", "must be in 1..1000000000 (is 0)"),
            row(() -> full().set("board.hwWatchdogTimeoutNs", -1), "board.hwWatchdogTimeoutNs",
                    "must be in 0.." + MAX + " (is -1)"),
            // minimal has no NVRAM parameters, which would not fit in -1 bytes.
            row(() -> minimal().set("board.nvramSize", -1), "board.nvramSize", "must be in 0.." + MAX + " (is -1)"),
            row(() -> full().set("board.nics", nics(17)), "board.nics", "has 17 entries, at most 16 allowed"),
            row(() -> full().set("board.flashSlots", slots(9)), "board.flashSlots", "has 9 entries, at most 8 allowed"),
            row(() -> full().add("board.nics", new NicConfig("eth0", "", "")), "board.nics", "duplicate name 'eth0'"),
            row(() -> full().set("board.nics[1].name", ""), "board.nics[1].name", "must not be empty"),
            row(() -> full().set("board.nics[0].mac", LONG), "board.nics[eth0].mac", TOO_LONG),
            row(() -> full().set("board.nics[0].address", LONG), "board.nics[eth0].address", TOO_LONG),
            row(() -> full().add("board.flashSlots", new FlashSlot("A", 1)), "board.flashSlots", "duplicate name 'A'"),
            row(() -> full().set("board.flashSlots[1].name", ""), "board.flashSlots[1].name", "must not be empty"),
            row(() -> full().set("board.flashSlots[0].size", 0), "board.flashSlots[A].size",
                    "must be in 1.." + MAX + " (is 0)"),
            row(() -> full().set("board.nvramParams", params(257)), "board.nvramParams",
                    "has 257 entries, at most 256 allowed"),
            row(() -> full().add("board.nvramParams", new NvramParam("mtu", ParamType.INTEGER, "9000")),
                    "board.nvramParams", "duplicate name 'mtu'"),
            row(() -> full().set("board.nvramParams[0].name", ""), "board.nvramParams[0].name", "must not be empty"),
            row(() -> full().set("board.nvramParams[0].value", LONG), "board.nvramParams[hostname].value", TOO_LONG),
            row(() -> full().set("board.nvramParams[1].value", "15x0"), "board.nvramParams[mtu].value",
                    "'15x0' is not a 64-bit decimal integer"),
            // hostname: 4 + 8 + 9 bytes, mtu: 4 + 3 + 4 bytes.
            row(() -> full().set("board.nvramSize", 16), "board.nvramParams",
                    "the parameters need 32 bytes of NVRAM, the board has 16"));
    }

    private static List<NicConfig> nics(int n) {
        List<NicConfig> nics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nics.add(new NicConfig("eth" + i, "", ""));
        }
        return nics;
    }

    private static List<FlashSlot> slots(int n) {
        List<FlashSlot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.add(new FlashSlot("S" + i, 1));
        }
        return slots;
    }

    private static List<NvramParam> params(int n) {
        List<NvramParam> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            params.add(new NvramParam("p" + i, ParamType.TEXT, ""));
        }
        return params;
    }
}

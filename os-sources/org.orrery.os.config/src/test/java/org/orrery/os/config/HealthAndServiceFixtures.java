// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.orrery.os.config.Fixture.LONG;
import static org.orrery.os.config.Fixture.TOO_LONG;
import static org.orrery.os.config.Fixture.full;
import static org.orrery.os.config.Fixture.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orrery.os.api.ErrorCode;

/**
 * Fixture rows for health monitor tables, services and VMs. full() has HM tables 0 (module: POWER_FAIL, then
 * HARDWARE_FAULT switching to maintenance) and 1 (nav: DEADLINE_MISSED at process level first), service 0 (HTTP
 * on display.attitudeIn, options listen and root) and VM guest (one window in normal).
 */
final class HealthAndServiceFixtures {
    private HealthAndServiceFixtures() {
    }

    static List<Fixture> rows() {
        List<Fixture> rows = new ArrayList<>(healthMonitor());
        rows.addAll(servicesAndVms());
        return rows;
    }

    private static List<Fixture> healthMonitor() {
        return List.of(
            row(HealthAndServiceFixtures::tooManyTables, "hmTables", "has 16385 entries, at most 16384 allowed"),
            row(() -> full().set("hmTables[1].partition", "ghost"), "hmTables[1].partition", "unknown partition 'ghost'"),
            row(() -> full().add("hmTables", new HmTable("nav", SystemState.PROCESS_EXECUTION, List.of())),
                    "hmTables[2]", "second table for partition 'nav' in state PROCESS_EXECUTION"),
            tooManyRules(),
            row(() -> full().add("hmTables[0].rules", new HmRule(ErrorCode.POWER_FAIL, HmLevel.MODULE, HmAction.LOG,
                    "")), "hmTables[0].rules[POWER_FAIL]", "error POWER_FAIL appears twice in the table"),
            row(() -> full().set("hmTables[1].rules[0].action", HmAction.SHUTDOWN_MODULE),
                    "hmTables[1].rules[DEADLINE_MISSED].action", "SHUTDOWN_MODULE is not an action for level PROCESS"),
            row(() -> full().set("hmTables[0].rules[1].planTarget", "ghost"), "hmTables[0].rules[HARDWARE_FAULT].planTarget",
                    "unknown plan 'ghost'"),
            row(() -> full().set("hmTables[0].rules[0].planTarget", "maintenance"),
                    "hmTables[0].rules[POWER_FAIL].planTarget", "only SWITCH_PLAN takes a plan target"));
    }

    private static List<Fixture> servicesAndVms() {
        return List.of(
            row(() -> full().set("services", Fixture.copies(257,
                    new ServiceConfig(ServiceKind.DNS, "display", "", Map.of()))),
                    "services", "has 257 entries, at most 256 allowed"),
            row(() -> full().set("services[0].partition", "ghost"), "services[0].partition", "unknown partition 'ghost'"),
            row(() -> full().set("services[0].port", "nope"), "services[0].port", "partition 'display' has no port 'nope'"),
            row(() -> full().set("services[0].options", options(65)), "services[0].options",
                    "has 65 entries, at most 64 allowed"),
            row(() -> option("", "v"), "services[0].options", "empty option name"),
            row(() -> option(LONG, "v"), "services[0].options[" + LONG + "]", TOO_LONG),
            row(() -> option("listen", LONG), "services[0].options[listen]", TOO_LONG),
            row(() -> full().set("vms", vms(65)), "vms", "has 65 entries, at most 64 allowed"),
            row(() -> full().add("vms", vm("guest")), "vms", "duplicate name 'guest'"),
            row(() -> full().add("vms", vm("")), "vms[1].name", "must not be empty"),
            row(() -> full().add("vms", vm("nav")), "vms[nav].name", "a partition is already called 'nav'"),
            row(() -> full().set("vms[0].vcpus", 0), "vms[guest].vcpus", "must be in 1..64 (is 0)"),
            row(() -> full().set("vms[0].memorySize", 0), "vms[guest].memorySize", "must be in 1..1073741824 (is 0)"),
            row(() -> full().set("vms[0].devices", Fixture.copies(33, "eth1")), "vms[guest].devices",
                    "has 33 entries, at most 32 allowed"),
            row(() -> full().set("vms[0].devices", List.of(LONG)), "vms[guest].devices", TOO_LONG),
            row(() -> full().set("vms[0].image", LONG), "vms[guest].image", TOO_LONG),
            row(() -> full().set("vms[0].windows[0].plan", "ghost"), "vms[guest].windows[0].plan",
                    "unknown plan 'ghost'"));
    }

    /** A table per system state for the module and each of 3,276 partitions: 16,385 tables, none twice. */
    private static Cfg tooManyTables() {
        Cfg c = Fixture.withFillers(3275);
        List<HmTable> tables = new ArrayList<>();
        List<String> owners = new ArrayList<>(List.of(""));
        c.config().partitions().forEach(p -> owners.add(p.name()));
        for (String owner : owners) {
            for (SystemState state : SystemState.values()) {
                tables.add(new HmTable(owner, state, List.of()));
            }
        }
        return c.set("hmTables", tables);
    }

    /**
     * There are only ten error codes and each may appear once per table, so a table over the limit of 64 rules
     * always repeats codes: the count is never reported alone (the reader refuses such a count even earlier).
     */
    private static Fixture tooManyRules() {
        List<HmRule> rules = new ArrayList<>();
        ErrorCode[] codes = ErrorCode.values();
        for (int i = 0; i < Limits.MAX_HM_RULES_PER_TABLE + 1; i++) {
            rules.add(new HmRule(codes[i % codes.length], HmLevel.PROCESS, HmAction.LOG, ""));
        }
        Fixture f = row(() -> full().add("hmTables", new HmTable("sensors", SystemState.PROCESS_EXECUTION, rules)),
                "hmTables[2].rules", "has 65 entries, at most 64 allowed");
        for (int i = codes.length; i < rules.size(); i++) {
            ErrorCode e = codes[i % codes.length];
            f = f.also("hmTables[2].rules[" + e + "]", "error " + e + " appears twice in the table");
        }
        return f;
    }

    private static Cfg option(String key, String value) {
        return full().update("services[0].options", old -> {
            @SuppressWarnings("unchecked")
            TreeMap<String, String> options = new TreeMap<>((Map<String, String>) old);
            options.put(key, value);
            return options;
        });
    }

    private static TreeMap<String, String> options(int n) {
        TreeMap<String, String> options = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            options.put("k" + i, "v");
        }
        return options;
    }

    private static VmConfig vm(String name) {
        return new VmConfig(name, VmKind.PARAVIRT, 1, 1 << 20, List.of(), "", List.of());
    }

    private static List<VmConfig> vms(int n) {
        List<VmConfig> vms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vms.add(vm("vm" + i));
        }
        return vms;
    }
}

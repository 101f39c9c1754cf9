// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * The negative fixtures: one per message a rule can report (the message with its values filled in), with where
 * it must be reported. {@link MessageCoverageTest} holds this table against the messages written in the rules.
 */
final class NegativeFixtures {

    private static final String CONFIG = OrreryIssueCodes.CONFIG_INVALID;
    private static final String LIMIT = OrreryIssueCodes.LIMIT_EXCEEDED;

    private final List<NegativeFixture> rows = new ArrayList<>();

    private NegativeFixtures() {
    }

    static List<NegativeFixture> all() {
        NegativeFixtures t = new NegativeFixtures();
        t.reading();
        t.structure();
        t.limits();
        t.boardAndSchedules();
        t.communicationAndHealth();
        t.configuration();
        return List.copyOf(t.rows);
    }

    private void file(String name, String code, int line, int column, String message) {
        rows.add(new NegativeFixture(name, code, line, column, message, null));
    }

    private void generated(String name, Supplier<String> text, String code, int line, int column, String message) {
        rows.add(new NegativeFixture(name, code, line, column, message, text));
    }

    private void reading() {
        file("syntax", "syntax", 31, 26, "missing 'duration' at '5'");
        file("syntax-enum", "syntax", 27, 51, "'drop-old' is not an overflow policy; write one of: block | drop-newest | drop-oldest.");
        file("syntax-declaration", "syntax", 3, 1, "'hello' does not start a declaration; a declaration starts with one of: "
                + "import | system | board | bsp | region | partition | channel | plan | health-monitor | watchdog | service | vm.");
        file("syntax-order", "syntax", 4, 1, "'import' is out of place: a file starts with its imports, then at most one "
                + "'system' header, then the other declarations.");
        file("syntax-list", "syntax", 12, 13, "'1' cannot follow a value of 'cores' here; separate the values of a list with ',' (cores 0, 1).");
        file("syntax-follow-on", "syntax", 19, 14, "The other rules are checked once every file parses.");
        file("syntax-follow-on-more", "syntax", 12, 5, "Errors after this syntax error may follow from it. The other rules are "
                + "checked once every file parses.");
        file("unresolved-reference", "unresolved-reference", 35, 16, "Unknown partition 'bb'.");
        file("import-unresolved", "import-unresolved", 3, 8, "Cannot import 'no-such-file.orrery': no such Orrery file.");
        file("no-system", "no-system", 1, 1, "The file declares no 'system': it can only be imported by a file that does.");
        file("no-system-empty", "no-system", 1, 1, "The file declares nothing: an Orrery file declares a 'system', or parts that a system imports.");
    }

    private void structure() {
        file("duplicate-name", "duplicate-name", 16, 13, "Name 'p' is already used by another process of partition 'a'; rename one of them.");
        file("duplicate-name-vm", "duplicate-name", 38, 4, "Name 'a' is already used by another partition; rename one of them.");
        file("duplicate-name-param", "duplicate-name", 15, 15, "Name 'hostname' is already used by another NVRAM parameter of BSP 'small_board'; rename one of them.");
        file("board-count", "board-count", 3, 8, "System 'demo' declares no board; add one, e.g. 'board sim { cores 1 memory 64 MiB tick 1 ms }'.");
        file("board-count-second", "board-count", 11, 1, "A system has one board; another board is already declared: remove one of them.");
        String req = OrreryIssueCodes.REQUIRED_ATTRIBUTE;
        file("required-attribute", req, 19, 11, "Partition 'b' must declare its memory budget ('memory').");
        file("required-attribute-cores", req, 19, 11, "Partition 'b' must declare the cores it may run on ('cores').");
        file("required-attribute-application", req, 19, 11, "Partition 'b' must declare its 'application'.");
        file("required-attribute-time-slice", req, 23, 12, "Partition 'b' uses round-robin and must declare a 'time-slice'.");
        file("required-attribute-period", req, 23, 13, "Periodic process 'q' must declare its 'period'.");
        file("required-attribute-port-size", req, 24, 10, "Port 'in1' must declare its message 'size'.");
        file("required-attribute-queue-depth", req, 24, 10, "Queuing port 'in1' must declare its queue 'depth'.");
        file("required-attribute-device-size", req, 10, 18, "Device 'boot' must declare its 'size'.");
        file("required-attribute-device-size-nvram", req, 10, 18, "Device 'params' must declare its 'size'.");
        file("required-attribute-device-timeout", req, 10, 21, "Device 'wd' must declare its 'timeout'.");
        file("required-attribute-vm-vcpus", req, 38, 4, "VM 'guest' must declare its 'vcpus'.");
        file("required-attribute-vm-memory", req, 38, 4, "VM 'guest' must declare its 'memory'.");
        file("required-attribute-vm-image", req, 38, 4, "VM 'guest' must declare a 'kernel' or 'disk' image.");
        String range = OrreryIssueCodes.VALUE_RANGE;
        file("value-range", range, 23, 46, "Priority 256 of process 'q' is outside 0..255.");
        file("value-range-name-length", range, 23, 13, "Name '" + "q".repeat(65) + "' is longer than 64 characters.");
        file("value-range-time", range, 15, 14, "'watchdog' must be a positive time, e.g. 1 ms.");
        file("value-range-wcet", range, 15, 53, "'wcet' must be a positive time, e.g. 1 ms.");
        file("value-range-message-size", range, 24, 31, "Message size 128 KiB of port 'in1' is outside 1 B..64 KiB.");
        file("value-range-queue-depth", range, 24, 40, "Queue depth 5000 of port 'in1' is more than the limit of 4096.");
        file("value-range-sampling-depth", range, 16, 43, "Sampling port 'out1' has no queue 'depth': remove it, or make the port 'queuing'.");
        file("value-range-refresh", range, 16, 45, "Only sampling destination ports have a 'refresh' period; port 'out1' is not one: remove it.");
        file("value-range-mac", range, 10, 25, "MAC address '02:00:00:00:01' of device 'eth0' is not six hex bytes: write it like 02:00:00:00:00:01.");
        file("value-range-address", range, 10, 53, "Address '192.0.2.300/24' of device 'eth0' is not an IP address: write it like 192.0.2.10/24.");
        file("value-range-application", range, 17, 17, "Application class 'demo.my app.Main' is not a Java class name: write a qualified name like demo.app.Main.");
        file("value-range-vm-vcpus", range, 39, 11, "VM 'guest' has 65 vcpus, more than the limit of 64.");
        file("value-range-board-cores", range, 6, 11, "Board has 257 cores, more than the limit of 256.");
        file("value-range-bsp-cores", range, 6, 11, "BSP 'small_board' has 257 cores, more than the limit of 256.");
    }

    private void limits() {
        file("limit-exceeded", LIMIT, 3, 8, "System 'demo' has 17 plans, more than the limit of 16.");
        generated("limit-exceeded-partitions", GeneratedFixtures::partitions, LIMIT, 1, 8,
                "System 'large' has 4097 partitions, more than the limit of 4096.");
        generated("limit-exceeded-channels", GeneratedFixtures::channels, LIMIT, 1, 8,
                "System 'large' has 65537 channels, more than the limit of 65536.");
        generated("limit-exceeded-services", GeneratedFixtures::services, LIMIT, 3, 8,
                "System 'demo' has 257 services, more than the limit of 256.");
        generated("limit-exceeded-vms", GeneratedFixtures::vms, LIMIT, 3, 8, "System 'demo' has 65 VMs, more than the limit of 64.");
        generated("limit-exceeded-regions", GeneratedFixtures::systemRegions, LIMIT, 3, 8,
                "System 'demo' has 1025 memory regions, more than the limit of 1024.");
        generated("limit-exceeded-processes", GeneratedFixtures::processes, LIMIT, 11, 11,
                "Partition 'a' has 129 processes, more than the limit of 128.");
        generated("limit-exceeded-ports", GeneratedFixtures::ports, LIMIT, 11, 11, "Partition 'a' has 129 ports, more than the limit of 128.");
        generated("limit-exceeded-destinations", GeneratedFixtures::destinations, LIMIT, 91, 9,
                "Channel 'c1' has 65 destinations, more than the limit of 64.");
        generated("limit-exceeded-windows", GeneratedFixtures::windows, LIMIT, 9, 6,
                "Plan 'main' has 32896 windows, more than the limit of 32768.");
        generated("limit-exceeded-bsp-regions", GeneratedFixtures::bspRegions, LIMIT, 37, 5,
                "BSP 'big' has 1025 memory regions, more than the limit of 1024.");
    }

    private void boardAndSchedules() {
        file("core-out-of-range", "core-out-of-range", 20, 14, "Core 2 of partition 'b' is out of range: the board has 2 cores (0..1).");
        file("core-out-of-range-schedule", "core-out-of-range", 36, 10, "Core 2 is out of range: the board has 2 cores (0..1).");
        file("tick-multiple", "tick-multiple", 34, 21, "Time 500 us is not a multiple of the board's timer tick 1 ms; round it to a multiple of the tick.");
        file("memory-over-budget", "memory-over-budget", 5, 1, "Memory budgets of partitions and VMs total 266 MiB, more than the board's 256 MiB: lower the budgets or raise the board's 'memory'.");
        file("region-overlap", "region-overlap", 39, 15, "Memory region 'dma' [0x10001000, 0x10002000) overlaps region 'shm' [0x10000000, 0x10002000): move or shrink one of them, or mark both 'shared' if their partitions are meant to share these bytes.");
        file("shared-region-overlap", "shared-region-overlap", 39, 16, "Shared memory region 'view' overlaps region 'buf', which is not shared: "
                + "partition 'b' can reach its bytes without being granted 'buf'. Mark 'buf' 'shared' if that is intended, or move one of them.");
        file("windows-overlap", "windows-overlap", 32, 21, "Window of 'a' at 4 ms overlaps the window of 'a' (0..5 ms) on core 0 in plan 'main'; move one of them.");
        file("window-beyond-frame", "window-beyond-frame", 34, 35, "Window of 'b' ends at 11 ms, beyond the 10 ms major frame of core 1 in plan 'main': shorten the window or lengthen the 'major-frame'.");
        file("window-too-short", "window-too-short", 26, 35, "Window of 'a' lasts 500 us, shorter than the 1 ms the "
                + "hosted-linux-x86_64 board honours: " + org.orrery.os.config.Limits.HOSTED_MIN_WINDOW_REASON
                + ". Lengthen it or give the partition fewer, longer windows.");
        file("partition-without-window", "partition-without-window", 18, 11, "Partition 'b' has no window in any plan: it would never run; give it a window in the initial plan.");
        file("partition-without-window-unreachable", "partition-without-window", 19, 11, "Partition 'b' has windows only in "
                + "plan 'maint', which no switch from the initial plan 'main' and no health-monitor action reaches: it can never "
                + "run. Give it a window in 'main', or add 'switch to maint by PARTITION' to a plan that runs.");
        file("partition-without-window-initial", "partition-without-window", 20, 11, "Partition 'b' has no window in the initial "
                + "plan 'main': it does not run until the system switches to a plan where it has one. Give it a window in 'main' "
                + "unless it is meant to run only in other plans.");
        file("window-core-not-allowed", "window-core-not-allowed", 35, 16, "Window of 'a' is on core 1, but partition 'a' may only run on cores 0: move the window, or add the core to the partition's 'cores'.");
        file("partition-parallel-windows", "partition-parallel-windows", 35, 21, "Partition 'a' would run on cores 0 and 1 at once in plan 'main': move one of its windows so they do not overlap in time.");
        file("period-frame-mismatch", "period-frame-mismatch", 15, 31, "Period 15 ms of process 'a.p' does not fit the 10 ms major frame of core 0 in plan 'main': neither divides the other; choose a period that divides the major frame or is a multiple of it.");
        file("initial-plan", "initial-plan", 3, 8, "System 'demo' has 2 plans but none is marked 'initial'; mark the one it starts with ('plan NAME initial').");
        file("initial-plan-no-plan", "initial-plan", 3, 8, "System 'demo' declares no plan; add a 'plan NAME initial { ... }' with windows for its partitions.");
        file("initial-plan-twice", "initial-plan", 38, 15, "Plan 'degraded' is marked initial, but plan 'main' already is: only one plan may be.");
        file("unknown-plan", "unknown-plan", 37, 15, "Unknown plan 'maintenance'.");
        file("switch-requester", "switch-requester", 36, 23, "Partition 'b' may not request plan switches: declare it 'system-partition', or name one that is.");
        file("edf-priority", "edf-priority", 16, 46, "Process 'a.p' has a 'priority', but partition 'a' schedules by EDF: "
                + "processes run in deadline order and the priority only breaks ties between equal deadlines; remove "
                + "'priority' if ties do not matter, or choose another 'policy'.");
        file("unschedulable", "unschedulable", 15, 13, "Process 'a.p' is not schedulable in plan 'main': worst-case response time 18 ms exceeds its deadline 10 ms (fixed-priority response-time analysis): lower its 'wcet', lengthen its 'deadline', or give its partition more window time.");
        file("unschedulable-unbounded", "unschedulable", 16, 13, "Process 'a.p' is not schedulable in plan 'main': worst-case response time is unbounded, deadline 9400000 s (fixed-priority response-time analysis): lower its 'wcet', lengthen its 'deadline', or give its partition more window time.");
    }

    private void communicationAndHealth() {
        file("channel-kind-mismatch", "channel-kind-mismatch", 27, 36, "Port 'b.in1' is a queuing port, but channel 'c1' is sampling: make the port and the channel the same kind.");
        file("channel-direction-mismatch", "channel-direction-mismatch", 27, 26, "Port 'a.out1' is declared 'in' but is the source of channel 'c1'; it must be 'out'.");
        file("channel-size-mismatch", "channel-size-mismatch", 27, 36, "Destination 'b.in1' takes messages of 4 B, smaller than the 8 B of source 'a.out1': raise the destination's 'size'.");
        file("queuing-multiple-destinations", "queuing-multiple-destinations", 28, 42, "Queuing channel 'c1' has 2 destinations; a queuing channel connects exactly one source to one destination.");
        file("port-multiply-connected", "port-multiply-connected", 29, 36, "Port 'b.in1' is already connected by channel 'c1'; a port belongs to one channel.");
        file("refresh-below-period", "refresh-below-period", 28, 36, "Refresh period 10 ms of 'b.in1' is shorter than the 20 ms period of source partition 'a': reads between two of its writes find the sample stale. Raise 'refresh' to at least 20 ms.");
        file("refresh-below-period-frame", "refresh-below-period", 28, 36, "Refresh period 10 ms of 'b.in1' is shorter than the 20 ms period of source partition 'a': reads between two of its writes find the sample stale. Raise 'refresh' to at least 20 ms, or declare 'period' in partition 'a' if it runs more often than its 20 ms major frame.");
        file("unconnected-port", "unconnected-port", 17, 10, "Port 'a.spare' is not connected to any channel: connect it with a 'channel', or remove it.");
        file("hm-action-level", "hm-action-level", 40, 38, "Action RESTART_PROCESS is not valid at module level; choose an action of that level or another level.");
        file("hm-plan-target", "hm-plan-target", 40, 37, "Action SWITCH_PLAN needs the plan to switch to: write '-> SWITCH_PLAN PLAN'.");
        file("hm-plan-target-extra", "hm-plan-target", 40, 50, "Only SWITCH_PLAN takes a plan; RESET_MODULE does not: remove the plan.");
        file("hm-duplicate", "hm-duplicate", 41, 9, "Error POWER_FAIL appears twice in the PROCESS_EXECUTION table: keep one rule per error.");
        file("hm-duplicate-state", "hm-duplicate", 42, 11, "State PROCESS_EXECUTION already has a health monitor table here: merge the two.");
        file("vm-vcpus-over-cores", "vm-vcpus-over-cores", 39, 11, "VM 'guest' has 3 vcpus but the board has only 2 cores: lower its 'vcpus'.");
        file("service-port-clash", "service-port-clash", 39, 30, "Service 'admin' listens on port 80 of partition 'a', already used by service 'web': give one of them another 'port'.");
    }

    /**
     * What the rules let through and the OS's configuration validator refuses, reported at the system header: one
     * fixture per check of that validator the language can reach. The validator's other checks repeat a rule (the
     * rule reports first) or cannot be reached from the language (the builder never writes such a value).
     */
    private void configuration() {
        file("config-invalid", CONFIG, 4, 1, "board.nvramParams: the parameters need 21 bytes of NVRAM, the board has 16");
        file("config-invalid-entry-class", CONFIG, 3, 1, "partitions[a].entryClass: must name the application class");
        file("config-invalid-two-frames", CONFIG, 3, 1, "plans[main].frames[2].core: core 0 has two major frames");
        String range = "must be in 1..9223372036854775807 (is 0)";
        file("config-invalid-board-memory", CONFIG, 3, 1, "board.memorySize: " + range);
        file("config-invalid-tick", CONFIG, 3, 1, "board.timerTickNs: must be in 1..1000000000 (is 2000000000)");
        file("config-invalid-flash-size", CONFIG, 3, 1, "board.flashSlots[boot].size: " + range);
        file("config-invalid-partition-memory", CONFIG, 3, 1, "partitions[b].memoryBudget: must be in 1..268435456 (is 0)");
        file("config-invalid-stack", CONFIG, 3, 1, "partitions[a].processes[p].stackSize: " + range);
        file("config-invalid-region-base", CONFIG, 3, 1, "memoryRegions[shm].base: must be in 0..9223372036854775807 (is -9223372036854775808)");
        file("config-invalid-region-size", CONFIG, 3, 1, "memoryRegions[shm].size: must be in 1..9223372036586340351 (is 0)");
        file("config-invalid-vm-memory", CONFIG, 3, 1, "vms[guest].memorySize: must be in 1..268435456 (is 0)");
        file("config-invalid-nics", CONFIG, 3, 1, "board.nics: has 17 entries, at most 16 allowed");
        file("config-invalid-flash-slots", CONFIG, 3, 1, "board.flashSlots: has 9 entries, at most 8 allowed");
        generated("config-invalid-nvram-params", GeneratedFixtures::nvramParams, CONFIG, 1, 1, "board.nvramParams: has 257 entries, at most 256 allowed");
        generated("config-invalid-plan-switches", GeneratedFixtures::planSwitches, CONFIG, 3, 1, "planSwitchRules: has 257 entries, at most 256 allowed");
        generated("config-invalid-service-options", GeneratedFixtures::serviceOptions, CONFIG, 3, 1, "services[0].options: has 65 entries, at most 64 allowed");
        generated("config-invalid-vm-devices", GeneratedFixtures::vmDevices, CONFIG, 3, 1, "vms[guest].devices: has 33 entries, at most 32 allowed");
        generated("config-invalid-hm-tables", GeneratedFixtures::hmTables, CONFIG, 1, 1, "hmTables: has 16385 entries, at most 16384 allowed");
        // NIC MAC and IP strings of any length are refused by the rules first (value-range), so only the other texts.
        String text = ": 4097 bytes of UTF-8, at most 4096 allowed";
        generated("config-invalid-long-nvram-value", GeneratedFixtures::longNvramValue, CONFIG, 1, 1, "board.nvramParams[banner].value" + text);
        generated("config-invalid-long-entry-class", GeneratedFixtures::longEntryClass, CONFIG, 3, 1, "partitions[a].entryClass" + text);
        generated("config-invalid-long-source-path", GeneratedFixtures::longSourcePath, CONFIG, 3, 1, "partitions[a].sourcePath" + text);
        generated("config-invalid-long-option-value", GeneratedFixtures::longOptionValue, CONFIG, 3, 1, "services[0].options[motd]" + text);
        generated("config-invalid-long-vm-image", GeneratedFixtures::longVmImage, CONFIG, 3, 1, "vms[guest].image" + text);
    }
}

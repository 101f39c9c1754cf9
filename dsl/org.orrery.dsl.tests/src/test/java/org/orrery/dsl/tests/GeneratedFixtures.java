// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.orrery.os.config.Limits;
import org.orrery.os.config.SystemState;

/**
 * Negative fixtures too large to commit: one past a static limit of {@link Limits}, or a string longer than the
 * configuration format stores. Most are {@code fixtures/ok/base.orrery} with lines added, so a problem is reported
 * where it would be in the base; board devices need a small system on its own BSP; the largest are
 * {@link LargeSystemTest}'s module.
 */
final class GeneratedFixtures {

    /** One past {@link Limits#MAX_STRING_BYTES}, in ASCII so characters and UTF-8 bytes agree. */
    static final String LONG_TEXT = "x".repeat(Limits.MAX_STRING_BYTES + 1);

    private static final String OUT1 = "    port out1 sampling out size 8 B\n";
    private static final String IN1 = "    port in1 sampling in size 8 B refresh 20 ms\n";

    private GeneratedFixtures() {
    }

    static String base() {
        try {
            return Files.readString(Fixtures.fixture("ok/base.orrery"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String lines(int n, IntFunction<String> line) {
        return IntStream.range(0, n).mapToObj(line).collect(Collectors.joining());
    }

    /** The base with {@code added} right after the first occurrence of {@code anchor}. */
    static String baseWith(String anchor, String added) {
        String base = base();
        int at = base.indexOf(anchor);
        if (at < 0) {
            throw new IllegalStateException("fixtures/ok/base.orrery no longer contains " + anchor);
        }
        return base.substring(0, at + anchor.length()) + added + base.substring(at + anchor.length());
    }

    // ---------------------------------------------------------------- limit-exceeded

    static String partitions() {
        return LargeSystemTest.module(Limits.MAX_CORES, Limits.MAX_PARTITIONS + 1, 0);
    }

    /** Every channel needs two ports of its own, and a partition holds at most 128: hence 1,100 partitions. */
    static String channels() {
        return LargeSystemTest.module(Limits.MAX_CORES, 1100, Limits.MAX_CHANNELS + 1);
    }

    static String services() {
        return base() + lines(Limits.MAX_SERVICES + 1, i -> "service http web" + i + " on a port " + (1000 + i) + "\n");
    }

    static String vms() {
        return base() + lines(Limits.MAX_VMS + 1,
                i -> "vm guest" + i + " qemu {\n    vcpus 1\n    memory 1 MiB\n    kernel \"guest.img\"\n}\n");
    }

    static String systemRegions() {
        return base() + lines(Limits.MAX_MEMORY_REGIONS + 1, GeneratedFixtures::region);
    }

    static String bspRegions() {
        return base() + "bsp big {\n" + lines(Limits.MAX_MEMORY_REGIONS + 1, i -> "    " + region(i)) + "}\n";
    }

    private static String region(int i) {
        return "region r" + i + " at 0x" + Long.toHexString(0x1000_0000L + i * 0x1000L) + " size 4 KiB\n";
    }

    static String processes() {
        return baseWith("    application \"demo.A\"\n",
                lines(Limits.MAX_PROCESSES_PER_PARTITION, i -> "    process extra" + i + " aperiodic priority 1\n"));
    }

    static String ports() {
        return baseWith(OUT1, lines(Limits.MAX_PORTS_PER_PARTITION, i -> "    port spare" + i + " sampling out size 8 B\n"));
    }

    static String destinations() {
        int extra = Limits.MAX_DESTINATIONS_PER_CHANNEL;
        String text = baseWith(IN1, lines(extra, i -> "    port in_" + i + " sampling in size 8 B\n"));
        return text.replace("to b.in1\n", "to b.in1" + lines(extra, i -> ", b.in_" + i) + "\n");
    }

    /** 128 partitions, one per core, with 257 one-millisecond windows each: 32,896 windows in plan 'main'. */
    static String windows() {
        int cores = 128;
        int perCore = (Limits.MAX_WINDOWS_PER_PLAN + cores) / cores;
        StringBuilder b = new StringBuilder("system many_windows\n\nboard sim {\n    cores " + cores
                + "\n    memory 64 GiB\n    tick 1 ms\n}\n\nplan main {\n");
        for (int c = 0; c < cores; c++) {
            String partition = "p" + c;
            b.append("    core ").append(c).append(" major-frame 300 ms {\n")
                    .append(lines(perCore, i -> "        window " + partition + " at " + i + " ms duration 1 ms\n"))
                    .append("    }\n");
        }
        b.append("}\n");
        for (int c = 0; c < cores; c++) {
            b.append("partition p").append(c).append(" {\n    cores ").append(c)
                    .append("\n    memory 1 MiB\n    application \"demo.P\"\n}\n");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- config-invalid

    /** A one-core system on its own BSP, whose devices are {@code devices}. */
    static String bspSystem(String devices) {
        return "system demo\n\nbsp small_board {\n    cores 1\n    tick 1 ms\n    arch x86_64\n"
                + "    region ram at 0x0000_0000 size 64 MiB rw\n" + devices + "}\n\nboard small_board\n\n"
                + "partition a {\n    cores 0\n    memory 16 MiB\n    application \"demo.A\"\n}\n\n"
                + "plan main {\n    core 0 major-frame 10 ms {\n        window a at 0 ms duration 5 ms\n    }\n}\n";
    }

    static String nvramParams() {
        return bspSystem("    device nvram params size 64 KiB {\n"
                + lines(Limits.MAX_NVRAM_PARAMS + 1, i -> "        param p" + i + " = " + i + "\n") + "    }\n");
    }

    static String planSwitches() {
        return baseWith("    application \"demo.A\"\n", "    system-partition\n")
                .replace("plan main {\n", "plan main {\n" + lines(Limits.MAX_PLAN_SWITCH_RULES + 1, i -> "    switch to main by a\n"));
    }

    /** The builder adds the options 'name' and 'port' (80 for http) to the declared ones. */
    static String serviceOptions() {
        return base() + "service http web on a {\n"
                + lines(Limits.MAX_SERVICE_OPTIONS - 1, i -> "    option" + i + " = " + i + "\n") + "}\n";
    }

    static String vmDevices() {
        return base() + "vm guest qemu {\n    vcpus 1\n    memory 16 MiB\n    kernel \"guest.img\"\n"
                + lines(Limits.MAX_VM_DEVICES + 1, i -> "    device e1000\n") + "}\n";
    }

    /** Five state tables (one per system state) in each of 3,277 partitions: 16,385 tables, one past the OS's limit. */
    static String hmTables() {
        int states = SystemState.values().length;
        String tables = "    health-monitor {\n" + Arrays.stream(SystemState.values())
                .map(s -> "        state " + s.name() + " { }\n").collect(Collectors.joining()) + "    }\n";
        return LargeSystemTest.module(Limits.MAX_CORES, Limits.MAX_HM_TABLES / states + 1, 0)
                .replace(LargeSystemTest.PROCESS, LargeSystemTest.PROCESS + tables);
    }

    static String longNvramValue() {
        return bspSystem("    device nvram params size 64 KiB {\n        param banner = \"" + LONG_TEXT + "\"\n    }\n");
    }

    static String longEntryClass() {
        return base().replace("application \"demo.A\"", "application \"" + LONG_TEXT + "\"");
    }

    static String longSourcePath() {
        return base().replace("application \"demo.A\"", "application \"demo.A\" source \"" + LONG_TEXT + "\"");
    }

    static String longOptionValue() {
        return base() + "service http web on a {\n    motd = \"" + LONG_TEXT + "\"\n}\n";
    }

    static String longVmImage() {
        return base() + "vm guest qemu {\n    vcpus 1\n    memory 16 MiB\n    kernel \"" + LONG_TEXT + "\"\n}\n";
    }
}

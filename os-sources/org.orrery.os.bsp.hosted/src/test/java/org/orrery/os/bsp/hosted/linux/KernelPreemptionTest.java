// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.os.bsp.hosted.linux.KernelPreemption.Model;
import org.orrery.os.bsp.hosted.linux.KernelPreemption.Sources;

/**
 * Which preemption model the board reports, from what kernels show: the build machine's own files (a
 * PREEMPT_DYNAMIC kernel built with CONFIG_PREEMPT_NONE), and the shapes of other kernels' files.
 */
class KernelPreemptionTest {

    /** /proc/config.gz of the build machine, the lines that matter. */
    private static final List<String> DYNAMIC_NONE = List.of("CONFIG_PREEMPT_BUILD=y", "CONFIG_PREEMPT_NONE=y",
            "CONFIG_PREEMPT_COUNT=y", "CONFIG_PREEMPTION=y", "CONFIG_PREEMPT_DYNAMIC=y", "CONFIG_PREEMPT_RCU=y",
            "CONFIG_PREEMPT_NOTIFIERS=y");
    private static final String DYNAMIC_VERSION = "#1 SMP PREEMPT_DYNAMIC @0\n";
    private static final String CMDLINE = "console=ttyS0 quiet reboot=k panic=1 nomodule psi=1 clocksource=kvm-clock\n";

    @Test
    void aDynamicKernelRunsTheModelItWasBuiltWithUnlessTheCommandLineSaysOtherwise() {
        KernelPreemption built = KernelPreemption.from(new Sources(null, null, CMDLINE, DYNAMIC_NONE, DYNAMIC_VERSION));
        assertEquals(Model.NONE, built.model());
        assertEquals("none (CONFIG_PREEMPT_NONE in /proc/config.gz, PREEMPT_DYNAMIC with no preempt= on the command"
                + " line): a window edge can wait for a system call of another task on its processor; boot with"
                + " preempt=full or use a PREEMPT_RT kernel for tighter edges", built.describe());

        KernelPreemption booted = KernelPreemption.from(new Sources(null, null, "quiet preempt=full psi=1\n",
                DYNAMIC_NONE, DYNAMIC_VERSION));
        assertEquals(Model.FULL, booted.model());
        assertEquals("full (preempt=full on the kernel command line)", booted.describe());
    }

    @Test
    void debugfsShowsTheCurrentModelInParentheses() {
        KernelPreemption k = KernelPreemption.from(new Sources(null, "none voluntary (full) lazy\n",
                "quiet preempt=none\n", DYNAMIC_NONE, DYNAMIC_VERSION));
        assertEquals(Model.FULL, k.model()); // switched at run time after a boot with preempt=none
        assertEquals("/sys/kernel/debug/sched/preempt", k.evidence());
    }

    @Test
    void aRealTimeKernelSaysSo() {
        assertEquals(Model.RT, KernelPreemption.from(new Sources("1\n", null, CMDLINE, null,
                "#1 SMP PREEMPT_RT Debian 6.1.115-1 (2024-11-01)\n")).model());
        assertEquals(Model.RT, KernelPreemption.from(new Sources(null, null, CMDLINE, null,
                "#1 SMP PREEMPT_RT Debian 6.1.115-1 (2024-11-01)\n")).model());
        assertTrue(KernelPreemption.from(new Sources("1\n", null, null, null, null)).model().preemptsKernelCode());
    }

    @Test
    void withoutAConfigurationTheVersionStringIsAllThereIs() {
        // a kernel built with CONFIG_PREEMPT and no PREEMPT_DYNAMIC
        assertEquals(Model.FULL, KernelPreemption.from(new Sources(null, null, CMDLINE, null,
                "#1 SMP PREEMPT Tue Mar 4 10:00:00 UTC 2025\n")).model());
        // Ubuntu's generic kernels: dynamic, built voluntary, no /proc/config.gz: the current model cannot be told
        KernelPreemption ubuntu = KernelPreemption.from(new Sources(null, null, "ro quiet splash\n", null,
                "#35-Ubuntu SMP PREEMPT_DYNAMIC Mon May 20 15:51:52 UTC 2024\n"));
        assertEquals(Model.UNKNOWN, ubuntu.model());
        assertFalse(ubuntu.model().preemptsKernelCode());
        assertTrue(ubuntu.describe().contains("current model not readable"), ubuntu.describe());
        // a server kernel without any preemption
        assertEquals(Model.UNKNOWN, KernelPreemption.from(new Sources(null, null, null, null, "#1 SMP Fri\n")).model());
    }

    @Test
    void thisMachineIsDescribed() {
        KernelPreemption here = KernelPreemption.detect();
        assertNotNull(here.model());
        if (Files.isReadable(Path.of("/proc/config.gz")) && here.model() != Model.RT) {
            // the build configuration is read when nothing more direct says otherwise
            assertTrue(here.evidence().contains("/proc/config.gz") || here.evidence().contains("preempt=")
                    || here.evidence().startsWith("/sys/kernel/debug/"),
                    here.describe());
        }
    }
}

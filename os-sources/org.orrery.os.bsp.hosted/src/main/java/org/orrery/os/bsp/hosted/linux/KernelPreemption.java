// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * How the running Linux kernel preempts a task that is in a system call, which bounds how late the board's
 * real-time threads can wake. Without kernel preemption ({@code none} or {@code voluntary}, what most distribution
 * and cloud kernels run by default), a SCHED_FIFO thread whose timer fires while another task runs kernel code on its
 * processor (a JVM starting, mapping or unmapping memory, a cgroup operation) waits until that task returns to user
 * space or reaches a rescheduling point, whatever the thread's priority: on the build machine, with JVMs starting on
 * the thread's processor, a third of a millisecond to a millisecond. The board cannot change this (it is chosen when
 * the kernel is built or booted); it says which model it runs on, so that late window edges are read for what they
 * are.
 */
public record KernelPreemption(Model model, String evidence) {

    /** Linux's preemption models (Documentation/admin-guide/kernel-parameters.txt, {@code preempt=}). */
    public enum Model {
        NONE("none"), VOLUNTARY("voluntary"), FULL("full"), LAZY("lazy"), RT("PREEMPT_RT"), UNKNOWN("unknown");

        private final String label;

        Model(String label) {
            this.label = label;
        }

        /** Whether a real-time thread waking up preempts kernel code of other tasks on its processor. */
        public boolean preemptsKernelCode() {
            return this == FULL || this == LAZY || this == RT;
        }
    }

    /** What the kernel shows about itself; null for a file that is missing or unreadable. */
    public record Sources(String realtime, String debugfsPreempt, String cmdline, List<String> config, String version) {
    }

    private static final Pattern CMDLINE = Pattern.compile("(?:^|\\s)preempt=(\\w+)");
    private static final Pattern DEBUGFS_CURRENT = Pattern.compile("\\((\\w+)\\)");

    /** Reads this machine's files. */
    public static KernelPreemption detect() {
        return from(new Sources(read("/sys/kernel/realtime"), read("/sys/kernel/debug/sched/preempt"),
                read("/proc/cmdline"), config(), read("/proc/sys/kernel/version")));
    }

    /**
     * The model the sources show, most direct first: an RT kernel says so in /sys/kernel/realtime; a
     * PREEMPT_DYNAMIC kernel shows its current model in debugfs (root only, and not everywhere) or was given one on
     * its command line, else it runs the model it was built with (its configuration, where /proc/config.gz exists).
     */
    public static KernelPreemption from(Sources s) {
        if (s.realtime() != null && s.realtime().strip().equals("1")) {
            return new KernelPreemption(Model.RT, "/sys/kernel/realtime is 1");
        }
        if (s.debugfsPreempt() != null) {
            Matcher m = DEBUGFS_CURRENT.matcher(s.debugfsPreempt());
            if (m.find()) {
                return new KernelPreemption(named(m.group(1)), "/sys/kernel/debug/sched/preempt");
            }
        }
        boolean dynamic = s.version() != null && s.version().contains("PREEMPT_DYNAMIC")
                || s.config() != null && s.config().contains("CONFIG_PREEMPT_DYNAMIC=y");
        if (dynamic && s.cmdline() != null) {
            Matcher m = CMDLINE.matcher(s.cmdline());
            if (m.find() && named(m.group(1)) != Model.UNKNOWN) {
                return new KernelPreemption(named(m.group(1)), "preempt=" + m.group(1) + " on the kernel command line");
            }
        }
        if (s.config() != null) {
            for (Model model : new Model[] {Model.RT, Model.LAZY, Model.FULL, Model.VOLUNTARY, Model.NONE}) {
                String option = switch (model) {
                    case RT -> "CONFIG_PREEMPT_RT=y";
                    case LAZY -> "CONFIG_PREEMPT_LAZY=y";
                    case FULL -> "CONFIG_PREEMPT=y";
                    case VOLUNTARY -> "CONFIG_PREEMPT_VOLUNTARY=y";
                    default -> "CONFIG_PREEMPT_NONE=y";
                };
                if (s.config().contains(option)) {
                    return new KernelPreemption(model, option.substring(0, option.length() - 2) + " in /proc/config.gz"
                            + (dynamic ? ", PREEMPT_DYNAMIC with no preempt= on the command line" : ""));
                }
            }
        }
        if (s.version() != null) {
            if (s.version().contains("PREEMPT_RT")) {
                return new KernelPreemption(Model.RT, "kernel version " + s.version().strip());
            }
            if (!dynamic && s.version().strip().matches(".*\\bPREEMPT\\b.*")) {
                return new KernelPreemption(Model.FULL, "kernel version " + s.version().strip());
            }
        }
        return new KernelPreemption(Model.UNKNOWN, s.version() == null ? "no kernel version" : "kernel version "
                + s.version().strip() + (dynamic ? ", current model not readable" : ""));
    }

    /** One line for the board's report. */
    public String describe() {
        String what = model.label + " (" + evidence + ")";
        if (model.preemptsKernelCode()) {
            return what;
        }
        return what + ": a window edge can wait for a system call of another task on its processor; boot with"
                + " preempt=full or use a PREEMPT_RT kernel for tighter edges";
    }

    private static Model named(String name) {
        return switch (name) {
            case "none" -> Model.NONE;
            case "voluntary" -> Model.VOLUNTARY;
            case "full" -> Model.FULL;
            case "lazy" -> Model.LAZY;
            default -> Model.UNKNOWN;
        };
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null; // missing, or not readable by this user (debugfs)
        }
    }

    /** The kernel's build configuration, where it publishes one (CONFIG_IKCONFIG_PROC). */
    private static List<String> config() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Path.of("/proc/config.gz"))), StandardCharsets.US_ASCII))) {
            return r.lines().filter(l -> l.startsWith("CONFIG_PREEMPT")).toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

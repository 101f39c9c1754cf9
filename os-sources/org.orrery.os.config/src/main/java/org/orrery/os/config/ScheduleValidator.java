// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rules for plans, major frames and windows (partition and VM windows share a core's timeline). */
final class ScheduleValidator {
    private ScheduleValidator() {
    }

    /** One slot on a core's timeline, whoever owns it. */
    private record Slot(String field, String owner, int core, long start, long duration) {
    }

    static void validate(Problems p, SystemConfig c) {
        if (c.plans().isEmpty()) {
            p.add("plans", "at least one plan is required");
        }
        p.count("plans", c.plans().size(), Limits.MAX_PLANS);
        p.unique("plans", c.plans().stream().map(PlanConfig::name).toList());
        if (c.planIndex(c.initialPlan()) < 0) {
            p.add("initialPlan", "unknown plan '" + c.initialPlan() + "'");
        }
        for (int i = 0; i < c.plans().size(); i++) {
            plan(p, c, c.plans().get(i), Problems.at("plans", c.plans().get(i).name(), i));
        }
    }

    private static void plan(Problems p, SystemConfig c, PlanConfig plan, String f) {
        p.name(f + ".name", plan.name());
        long tick = Math.max(1, c.board().timerTickNs());
        // Sized by at most MAX_CORES: a core count out of range is reported as board.cores, and a corrupted one
        // (up to 2^31 - 1 from the file) must not allocate gigabytes.
        long[] frame = new long[Math.clamp(c.board().cores(), 0, Limits.MAX_CORES)];
        for (int i = 0; i < plan.frames().size(); i++) {
            CoreFrame cf = plan.frames().get(i);
            String g = f + ".frames[" + i + "]";
            if (cf.core() < 0 || cf.core() >= frame.length) {
                p.add(g + ".core", "no core " + cf.core() + " on a board with " + frame.length + " cores");
                continue;
            }
            if (frame[cf.core()] != 0) {
                p.add(g + ".core", "core " + cf.core() + " has two major frames");
            }
            p.range(g + ".majorFrameNs", cf.majorFrameNs(), 1, Long.MAX_VALUE / 4);
            multiple(p, g + ".majorFrameNs", cf.majorFrameNs(), tick);
            frame[cf.core()] = cf.majorFrameNs();
        }
        p.count(f + ".windows", plan.windows().size(), Limits.MAX_WINDOWS_PER_PLAN);
        List<Slot> slots = new ArrayList<>();
        Map<String, Integer> partitionIndex = new HashMap<>();
        for (int i = c.partitions().size() - 1; i >= 0; i--) {
            partitionIndex.put(c.partitions().get(i).name(), i);
        }
        for (int i = 0; i < plan.windows().size(); i++) {
            WindowConfig w = plan.windows().get(i);
            String g = f + ".windows[" + i + "]";
            int pi = partitionIndex.getOrDefault(w.partition(), -1);
            if (pi < 0) {
                p.add(g + ".partition", "unknown partition '" + w.partition() + "'");
            } else if (!c.partitions().get(pi).cores().contains(w.core())) {
                p.add(g + ".core", "partition '" + w.partition() + "' may not run on core " + w.core());
            }
            slots.add(new Slot(g, w.partition(), w.core(), w.startNs(), w.durationNs()));
        }
        for (VmConfig vm : c.vms()) {
            for (int i = 0; i < vm.windows().size(); i++) {
                VmWindow w = vm.windows().get(i);
                if (w.plan().equals(plan.name())) {
                    slots.add(new Slot("vms[" + vm.name() + "].windows[" + i + "]", "vm:" + vm.name(), w.core(),
                            w.startNs(), w.durationNs()));
                }
            }
        }
        for (Slot s : slots) {
            if (s.core() < 0 || s.core() >= frame.length || frame[s.core()] == 0) {
                p.add(s.field() + ".core", "core " + s.core() + " has no major frame in plan '" + plan.name() + "'");
                continue;
            }
            p.range(s.field() + ".startNs", s.start(), 0, frame[s.core()] - 1);
            p.range(s.field() + ".durationNs", s.duration(), 1, frame[s.core()]);
            multiple(p, s.field() + ".startNs", s.start(), tick);
            multiple(p, s.field() + ".durationNs", s.duration(), tick);
            if (s.start() >= 0 && s.duration() > 0 && s.start() + s.duration() > frame[s.core()]) {
                p.add(s.field(), "ends at " + (s.start() + s.duration()) + " ns, after the major frame ("
                        + frame[s.core()] + " ns)");
            }
        }
        overlaps(p, slots, frame);
    }

    private static void overlaps(Problems p, List<Slot> slots, long[] frame) {
        List<Slot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparingInt(Slot::core).thenComparingLong(Slot::start));
        for (int i = 1; i < sorted.size(); i++) {
            Slot a = sorted.get(i - 1);
            Slot b = sorted.get(i);
            if (a.core() == b.core() && b.start() < a.start() + a.duration()) {
                p.add(b.field(), "overlaps " + a.field() + " on core " + a.core());
            }
        }
        // A partition is one virtual processor: it must never be open on two cores at the same time. Only
        // windows of the same owner are compared (pairs across all windows would be quadratic in a 1,000-partition plan).
        Map<String, List<Slot>> byOwner = new LinkedHashMap<>();
        for (Slot s : slots) {
            byOwner.computeIfAbsent(s.owner(), k -> new ArrayList<>()).add(s);
        }
        for (List<Slot> own : byOwner.values()) {
            parallel(p, own, frame);
        }
    }

    private static void parallel(Problems p, List<Slot> slots, long[] frame) {
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                Slot a = slots.get(i);
                Slot b = slots.get(j);
                if (a.core() != b.core() && validCore(a, frame) && validCore(b, frame)
                        && everOverlap(a, frame[a.core()], b, frame[b.core()])) {
                    p.add(b.field(), "'" + b.owner() + "' would run on cores " + a.core() + " and " + b.core()
                            + " at the same time (" + a.field() + ")");
                }
            }
        }
    }

    private static boolean validCore(Slot s, long[] frame) {
        return s.core() >= 0 && s.core() < frame.length && frame[s.core()] > 0 && s.duration() > 0;
    }

    static boolean everOverlap(Slot a, long frameA, Slot b, long frameB) {
        return WindowTiming.everOverlap(a.start(), a.duration(), frameA, b.start(), b.duration(), frameB);
    }

    private static void multiple(Problems p, String field, long value, long tick) {
        if (value % tick != 0) {
            p.add(field, "must be a multiple of the board timer tick (" + tick + " ns)");
        }
    }
}

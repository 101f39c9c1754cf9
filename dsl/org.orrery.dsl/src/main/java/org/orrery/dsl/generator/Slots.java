// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.VmConfig;
import org.orrery.os.config.VmWindow;
import org.orrery.os.config.WindowConfig;

/** The windows of one core in one plan, partitions and VMs alike, in time order. */
record Slots(int core, long frame, List<Slot> slots) {

    record Slot(long start, long duration, String owner, boolean vm) {
        long end() {
            return start + duration;
        }
    }

    static List<Slots> of(SystemConfig config, PlanConfig plan) {
        List<Slots> out = new ArrayList<>();
        plan.frames().stream().sorted(Comparator.comparingInt(f -> f.core())).forEach(f -> {
            List<Slot> list = new ArrayList<>();
            for (WindowConfig w : plan.windows()) {
                if (w.core() == f.core()) {
                    list.add(new Slot(w.startNs(), w.durationNs(), w.partition(), false));
                }
            }
            for (VmConfig vm : config.vms()) {
                for (VmWindow w : vm.windows()) {
                    if (w.plan().equals(plan.name()) && w.core() == f.core()) {
                        list.add(new Slot(w.startNs(), w.durationNs(), vm.name(), true));
                    }
                }
            }
            list.sort(Comparator.comparingLong(Slot::start));
            out.add(new Slots(f.core(), f.majorFrameNs(), List.copyOf(list)));
        });
        return out;
    }
}

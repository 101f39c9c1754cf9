// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.List;
import java.util.stream.Collectors;

import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Window;
import org.orrery.os.config.WindowTiming;

/** Small helpers for talking about windows in messages and comparing them across cores. */
final class Windows {

    private Windows() {
    }

    static String label(Window w) {
        if (w.getVm() != null) {
            return "Window of VM " + OrreryRules.q(w.getVm().eIsProxy() ? "?" : w.getVm().getName());
        }
        return "Window of " + OrreryRules.q(w.getPartition() == null || w.getPartition().eIsProxy() ? "?" : w.getPartition().getName());
    }

    static String plan(Window w) {
        return w.eContainer() != null && w.eContainer().eContainer() instanceof Plan p ? p.getName() : "";
    }

    static int core(Window w) {
        return ((CoreSchedule) w.eContainer()).getCore();
    }

    static String list(List<Integer> cores) {
        return cores.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Whether two windows (on cores with possibly different frames) are ever open at the same time. */
    static boolean overlapInTime(Window a, Window b) {
        long fa = Units.nanos(((CoreSchedule) a.eContainer()).getMajorFrame());
        long fb = Units.nanos(((CoreSchedule) b.eContainer()).getMajorFrame());
        long sa = Units.nanos(a.getStart());
        long ea = sa + Units.nanos(a.getDuration());
        long sb = Units.nanos(b.getStart());
        long eb = sb + Units.nanos(b.getDuration());
        if (fa <= 0 || fb <= 0) {
            return sa < eb && sb < ea; // a frame error is reported by its own rule
        }
        return WindowTiming.everOverlap(sa, ea - sa, fa, sb, eb - sb, fb);
    }
}

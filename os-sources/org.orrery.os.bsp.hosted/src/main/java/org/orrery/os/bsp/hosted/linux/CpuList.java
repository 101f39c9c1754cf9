// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.util.BitSet;

/** The kernel's cpu list format ("0-2,5"), as used by cpuset.cpus and Cpus_allowed_list. */
public final class CpuList {
    private CpuList() {
    }

    public static String format(BitSet cpus) {
        StringBuilder b = new StringBuilder();
        for (int lo = cpus.nextSetBit(0); lo >= 0; lo = cpus.nextSetBit(lo)) {
            int hi = cpus.nextClearBit(lo) - 1;
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(lo);
            if (hi > lo) {
                b.append('-').append(hi);
            }
            lo = hi + 1;
        }
        return b.toString();
    }

    /** Parses a cpu list; blank text is the empty set. */
    public static BitSet parse(String text) {
        BitSet cpus = new BitSet();
        for (String part : text.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            int lo = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).trim());
            int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1).trim());
            cpus.set(lo, hi + 1);
        }
        return cpus;
    }
}

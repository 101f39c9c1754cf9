// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.Arrays;

/**
 * Intervals of one core in columns: windows (partition, plan, window index, overrun) or process states
 * (partition, process, state). Which attribute means what is the lane's business ({@link LaneColumns}); the
 * colour is the partition for windows and the state for process spans.
 */
public final class SpanColumns extends TimeColumns {

    private int[] a = new int[256];
    private int[] b = new int[256];
    private int[] c = new int[256];
    private int[] d = new int[256];

    public int add(long startNs, long endNs, int colour, int a0, int b0, int c0, int d0) {
        int i = append(startNs, endNs, colour);
        a[i] = a0;
        b[i] = b0;
        c[i] = c0;
        d[i] = d0;
        return i;
    }

    @Override
    protected void grow(int capacity) {
        a = Arrays.copyOf(a, capacity);
        b = Arrays.copyOf(b, capacity);
        c = Arrays.copyOf(c, capacity);
        d = Arrays.copyOf(d, capacity);
    }

    public int a(int i) {
        return a[i];
    }

    public int b(int i) {
        return b[i];
    }

    public int c(int i) {
        return c[i];
    }

    public int d(int i) {
        return d[i];
    }
}
